#ifndef RAPPORT_CMALLOC_H
#define RAPPORT_CMALLOC_H

/// Fixes glibc's mmap threshold at `bytes` (`mallopt(M_MMAP_THRESHOLD, …)`), which also stops it
/// from rising each time a large block is freed: blocks above it are mapped, and returned to the
/// system when freed. Returns 1 on success, 0 where the C library has no such setting.
int rapport_fix_mmap_threshold(int bytes);

#endif
