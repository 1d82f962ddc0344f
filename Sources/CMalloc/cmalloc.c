#include "cmalloc.h"

#if defined(__linux__)
#include <malloc.h>
#endif

int rapport_fix_mmap_threshold(int bytes) {
#if defined(__linux__) && defined(M_MMAP_THRESHOLD)
    return mallopt(M_MMAP_THRESHOLD, bytes);
#else
    (void)bytes;
    return 0;
#endif
}
