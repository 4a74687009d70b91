#ifndef CMODELSUPPORT_H
#define CMODELSUPPORT_H

// C the model needs: SHA-256 with the CPU's instructions, memmem, malloc_trim,
// and for the cache XXH64 and the executable's build id.

#include <stddef.h>
#include <stdint.h>

/// SHA-256's 64 round constants (FIPS 180-4, 4.2.2).
const uint32_t *chronicle_sha256_constants(void);

/// Whether this CPU has the SHA extensions (and SSSE3, SSE4.1) the
/// hardware compression below needs.
int chronicle_sha256_hardware(void);

/// Compresses `blocks` 64-byte blocks of `data` into `state` (H0..H7) with
/// the CPU's SHA instructions. Call only when chronicle_sha256_hardware().
void chronicle_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The first occurrence of `needle` in `haystack`, or NULL: libc's memmem,
/// which Swift does not see (it is a GNU extension).
const void *chronicle_find(const void *haystack, size_t haystackLength, const void *needle, size_t needleLength);

/// Hands freed heap pages back to the system (glibc's malloc_trim; a no-op
/// elsewhere). Returns whether any were.
int chronicle_release_free_memory(void);

/// Grows each malloc heap by at least `bytes` at a time (glibc's
/// M_TOP_PAD; a no-op elsewhere).
void chronicle_pad_heap_growth(size_t bytes);

/// Lets glibc's malloc keep at most `arenas` arenas (a no-op elsewhere).
/// Call before any thread starts.
void chronicle_limit_malloc_arenas(int arenas);

/// XXH64 of `length` bytes: the cache's checksums, at memory speed.
uint64_t chronicle_hash64(const void *data, size_t length, uint64_t seed);

/// XXH64 over bytes given in pieces (a cache section written in parts).
typedef struct {
    uint64_t lanes[4];
    uint64_t total;
    uint64_t seed;
    uint8_t buffer[32];
    uint32_t held;
} chronicle_hash64_state;

void chronicle_hash64_begin(chronicle_hash64_state *state, uint64_t seed);
void chronicle_hash64_add(chronicle_hash64_state *state, const void *data, size_t length);
uint64_t chronicle_hash64_end(const chronicle_hash64_state *state);

/// Whether `length` bytes are `count` ascending numbers, delta-coded as
/// varints (7 bits a byte, the first from 0), none above `last` and the
/// final one `last` (none at all: `last` is 0): a cached word's postings,
/// every one read once before a query follows them.
int chronicle_postings_valid(const uint8_t *bytes, size_t length, uint64_t count, uint32_t last);

/// How many of `count` little-endian 16-bit token codes are `escape`, or
/// -1 when any other is not below `termCount`: a cached index's tokens.
int64_t chronicle_codes_escapes(const void *codes, size_t count, uint16_t escape, uint32_t termCount);

/// Copies the executable's GNU build id (up to `capacity` bytes) to `out`
/// and returns its length, or 0 when it has none: a cache written by one
/// build is not trusted by another.
size_t chronicle_build_id(uint8_t *out, size_t capacity);

#endif
