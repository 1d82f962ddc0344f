// CRC-32C with the SSE 4.2 CRC32 instruction, which implements exactly the Castagnoli polynomial
// (Intel SDM, "CRC32 — Accumulate CRC32 Value"). The instruction takes 3 cycles and can start one
// per cycle, so the long input runs as three independent streams over adjacent blocks, joined by
// shifting a stream's remainder over the next block's length of zeros with precomputed tables
// (Mark Adler's crc32c.c, zlib licence, the method of zlib's crc32_combine): about 8 bytes a cycle
// where one stream does 8 bytes per 3. The table-driven code in Rapport/Support/CRC32C.swift stays
// the portable path and the reference the tests compare this one with. Swift cannot emit the
// instruction itself.
#include "ccrc32c.h"

#include <pthread.h>
#include <string.h>

#if defined(__x86_64__)
#include <nmmintrin.h>

int rapport_crc32c_has_hardware(void) { return __builtin_cpu_supports("sse4.2") ? 1 : 0; }

// The reflected Castagnoli polynomial.
#define POLY 0x82f63b78u
// Block lengths of the three streams: long for large inputs, short for the rest.
#define LONG 8192
#define SHORT 256

static uint32_t shift_long[4][256];
static uint32_t shift_short[4][256];
static pthread_once_t shift_once = PTHREAD_ONCE_INIT;

// A 32×32 matrix over GF(2) (one column per bit) times a vector.
static uint32_t gf2_times(const uint32_t *matrix, uint32_t vector) {
    uint32_t sum = 0;
    while (vector) {
        if (vector & 1) sum ^= *matrix;
        vector >>= 1;
        matrix++;
    }
    return sum;
}

static void gf2_square(uint32_t *square, const uint32_t *matrix) {
    for (int n = 0; n < 32; n++) square[n] = gf2_times(matrix, matrix[n]);
}

// The operator that advances a remainder over `length` zero bytes (a power of two).
static void zeros_operator(uint32_t *even, size_t length) {
    uint32_t odd[32];
    odd[0] = POLY;  // one zero bit
    uint32_t row = 1;
    for (int n = 1; n < 32; n++) {
        odd[n] = row;
        row <<= 1;
    }
    gf2_square(even, odd);  // two zero bits
    gf2_square(odd, even);  // four zero bits
    // Each square doubles: the first gives one zero byte, in `even`.
    do {
        gf2_square(even, odd);
        length >>= 1;
        if (length == 0) return;
        gf2_square(odd, even);
        length >>= 1;
    } while (length);
    for (int n = 0; n < 32; n++) even[n] = odd[n];
}

// The operator for `length` zero bytes as four byte-indexed tables.
static void zeros_tables(uint32_t tables[4][256], size_t length) {
    uint32_t op[32];
    zeros_operator(op, length);
    for (uint32_t n = 0; n < 256; n++) {
        tables[0][n] = gf2_times(op, n);
        tables[1][n] = gf2_times(op, n << 8);
        tables[2][n] = gf2_times(op, n << 16);
        tables[3][n] = gf2_times(op, n << 24);
    }
}

static void make_shift_tables(void) {
    zeros_tables(shift_long, LONG);
    zeros_tables(shift_short, SHORT);
}

static inline uint32_t shift(uint32_t tables[4][256], uint32_t crc) {
    return tables[0][crc & 0xff] ^ tables[1][(crc >> 8) & 0xff] ^ tables[2][(crc >> 16) & 0xff] ^ tables[3][crc >> 24];
}

static inline uint64_t load64(const unsigned char *p) {
    uint64_t word;
    memcpy(&word, p, 8);
    return word;
}

// Three streams over three adjacent blocks of `block` bytes, as long as three remain; the
// remainder of the first is advanced over the second block and combined with the second's (started
// at 0), then likewise with the third.
__attribute__((target("sse4.2"))) static inline uint64_t three_streams(
    uint64_t crc0, const unsigned char **at, size_t *count, size_t block, uint32_t tables[4][256]) {
    const unsigned char *p = *at;
    while (*count >= 3 * block) {
        uint64_t crc1 = 0, crc2 = 0;
        const unsigned char *end = p + block;
        do {
            crc0 = _mm_crc32_u64(crc0, load64(p));
            crc1 = _mm_crc32_u64(crc1, load64(p + block));
            crc2 = _mm_crc32_u64(crc2, load64(p + 2 * block));
            p += 8;
        } while (p < end);
        crc0 = shift(tables, (uint32_t)crc0) ^ (uint32_t)crc1;
        crc0 = shift(tables, (uint32_t)crc0) ^ (uint32_t)crc2;
        p += 2 * block;
        *count -= 3 * block;
    }
    *at = p;
    return crc0;
}

__attribute__((target("sse4.2"))) uint32_t rapport_crc32c_hardware(uint32_t state, const void *bytes, size_t count) {
    pthread_once(&shift_once, make_shift_tables);
    const unsigned char *p = bytes;
    uint64_t crc0 = state;
    while (count > 0 && ((uintptr_t)p & 7) != 0) {
        crc0 = _mm_crc32_u8((uint32_t)crc0, *p++);
        count--;
    }
    crc0 = three_streams(crc0, &p, &count, LONG, shift_long);
    crc0 = three_streams(crc0, &p, &count, SHORT, shift_short);
    while (count >= 8) {
        crc0 = _mm_crc32_u64(crc0, load64(p));
        p += 8;
        count -= 8;
    }
    while (count > 0) {
        crc0 = _mm_crc32_u8((uint32_t)crc0, *p++);
        count--;
    }
    return (uint32_t)crc0;
}
#else
int rapport_crc32c_has_hardware(void) { return 0; }

uint32_t rapport_crc32c_hardware(uint32_t state, const void *bytes, size_t count) {
    (void)bytes;
    (void)count;
    return state;
}
#endif
