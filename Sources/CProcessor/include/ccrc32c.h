#ifndef RAPPORT_CCRC32C_H
#define RAPPORT_CCRC32C_H
#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has the SSE 4.2 CRC32 instruction (x86-64), else 0.
int rapport_crc32c_has_hardware(void);

/// Advances a CRC-32C remainder (before the final XOR) over `count` bytes with the SSE 4.2 CRC32
/// instruction. Call only when `rapport_crc32c_has_hardware()` is 1; elsewhere it returns `state`.
uint32_t rapport_crc32c_hardware(uint32_t state, const void *bytes, size_t count);

#endif
