#define _GNU_SOURCE
#include <string.h>
#if defined(__linux__)
#include <link.h>
#include <elf.h>
#endif
#include "CModelSupport.h"

// XXH64 (Yann Collet's xxHash, 64-bit), written from its specification:
// the cache's section checksums, read at memory speed.
static const uint64_t P1 = 0x9E3779B185EBCA87ULL, P2 = 0xC2B2AE3D27D4EB4FULL, P3 = 0x165667B19E3779F9ULL,
                      P4 = 0x85EBCA77C2B2AE63ULL, P5 = 0x27D4EB2F165667C5ULL;

static inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
static inline uint64_t read64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline uint32_t read32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static inline uint64_t round64(uint64_t acc, uint64_t input) { acc += input * P2; acc = rotl(acc, 31); return acc * P1; }
static inline uint64_t merge64(uint64_t acc, uint64_t value) { acc ^= round64(0, value); return acc * P1 + P4; }

uint64_t chronicle_hash64(const void *data, size_t length, uint64_t seed) {
    const uint8_t *p = (const uint8_t *)data, *end = p + length;
    uint64_t h;
    if (length >= 32) {
        uint64_t v1 = seed + P1 + P2, v2 = seed + P2, v3 = seed, v4 = seed - P1;
        const uint8_t *limit = end - 32;
        do {
            v1 = round64(v1, read64(p)); v2 = round64(v2, read64(p + 8));
            v3 = round64(v3, read64(p + 16)); v4 = round64(v4, read64(p + 24));
            p += 32;
        } while (p <= limit);
        h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
        h = merge64(h, v1); h = merge64(h, v2); h = merge64(h, v3); h = merge64(h, v4);
    } else {
        h = seed + P5;
    }
    h += (uint64_t)length;
    while (p + 8 <= end) { h ^= round64(0, read64(p)); h = rotl(h, 27) * P1 + P4; p += 8; }
    if (p + 4 <= end) { h ^= (uint64_t)read32(p) * P1; h = rotl(h, 23) * P2 + P3; p += 4; }
    while (p < end) { h ^= (*p) * P5; h = rotl(h, 11) * P1; p++; }
    h ^= h >> 33; h *= P2; h ^= h >> 29; h *= P3; h ^= h >> 32;
    return h;
}

void chronicle_hash64_begin(chronicle_hash64_state *state, uint64_t seed) {
    memset(state, 0, sizeof *state);
    state->seed = seed;
    state->lanes[0] = seed + P1 + P2; state->lanes[1] = seed + P2;
    state->lanes[2] = seed; state->lanes[3] = seed - P1;
}

void chronicle_hash64_add(chronicle_hash64_state *state, const void *data, size_t length) {
    const uint8_t *p = (const uint8_t *)data, *end = p + length;
    state->total += length;
    if (state->held + length < 32) {
        memcpy(state->buffer + state->held, p, length);
        state->held += (uint32_t)length;
        return;
    }
    if (state->held > 0) {
        size_t fill = 32 - state->held;
        memcpy(state->buffer + state->held, p, fill);
        for (int k = 0; k < 4; k++) state->lanes[k] = round64(state->lanes[k], read64(state->buffer + 8 * k));
        p += fill;
        state->held = 0;
    }
    while (p + 32 <= end) {
        for (int k = 0; k < 4; k++) state->lanes[k] = round64(state->lanes[k], read64(p + 8 * k));
        p += 32;
    }
    state->held = (uint32_t)(end - p);
    memcpy(state->buffer, p, state->held);
}

uint64_t chronicle_hash64_end(const chronicle_hash64_state *state) {
    uint64_t h;
    const uint64_t *v = state->lanes;
    if (state->total >= 32) {
        h = rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18);
        for (int k = 0; k < 4; k++) h = merge64(h, v[k]);
    } else {
        h = state->seed + P5;
    }
    h += state->total;
    const uint8_t *p = state->buffer, *end = p + state->held;
    while (p + 8 <= end) { h ^= round64(0, read64(p)); h = rotl(h, 27) * P1 + P4; p += 8; }
    if (p + 4 <= end) { h ^= (uint64_t)read32(p) * P1; h = rotl(h, 23) * P2 + P3; p += 4; }
    while (p < end) { h ^= (*p) * P5; h = rotl(h, 11) * P1; p++; }
    h ^= h >> 33; h *= P2; h ^= h >> 29; h *= P3; h ^= h >> 32;
    return h;
}

#if defined(__linux__)
struct build_id_search { uint8_t *out; size_t capacity; size_t found; };

static int find_build_id(struct dl_phdr_info *info, size_t size, void *context) {
    (void)size;
    struct build_id_search *search = context;
    // The first object listed is the executable itself.
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[i];
        if (header->p_type != PT_NOTE) continue;
        const uint8_t *note = (const uint8_t *)(info->dlpi_addr + header->p_vaddr), *end = note + header->p_memsz;
        while (note + sizeof(ElfW(Nhdr)) <= end) {
            const ElfW(Nhdr) *n = (const ElfW(Nhdr) *)note;
            const uint8_t *name = note + sizeof(ElfW(Nhdr));
            const uint8_t *desc = name + ((n->n_namesz + 3) & ~3u);
            if (desc + n->n_descsz > end) break;
            if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
                size_t count = n->n_descsz < search->capacity ? n->n_descsz : search->capacity;
                memcpy(search->out, desc, count);
                search->found = count;
                return 1;
            }
            note = desc + ((n->n_descsz + 3) & ~3u);
        }
    }
    return 1;
}

size_t chronicle_build_id(uint8_t *out, size_t capacity) {
    struct build_id_search search = { out, capacity, 0 };
    dl_iterate_phdr(find_build_id, &search);
    return search.found;
}
#else
size_t chronicle_build_id(uint8_t *out, size_t capacity) { (void)out; (void)capacity; return 0; }
#endif

int chronicle_postings_valid(const uint8_t *bytes, size_t length, uint64_t count, uint32_t last) {
    // Ascending with every gap above zero, the sum of the gaps is the last
    // posting and none is past it: no comparison per posting is needed.
    uint64_t value = 0, seen = 0;
    size_t at = 0;
    while (at < length) {
        uint8_t byte = bytes[at++];
        if (byte < 0x80) {
            // Most gaps take one byte.
            if (byte == 0 && seen > 0) return 0;
            value += byte;
            seen++;
            continue;
        }
        uint64_t gap = byte & 0x7F;
        unsigned shift = 7;
        for (;;) {
            // Five bytes hold any 32-bit gap; a number cut off or longer is damage.
            if (at == length || shift > 28) return 0;
            byte = bytes[at++];
            gap |= (uint64_t)(byte & 0x7F) << shift;
            if (!(byte & 0x80)) break;
            shift += 7;
        }
        if (gap == 0 && seen > 0) return 0;
        value += gap;
        seen++;
    }
    return seen == count && value == last;
}

int64_t chronicle_codes_escapes(const void *codes, size_t count, uint16_t escape, uint32_t termCount) {
    const uint8_t *bytes = codes;
    int64_t escapes = 0;
    int wrong = 0;
    for (size_t k = 0; k < count; k++) {
        uint16_t code;
        memcpy(&code, bytes + 2 * k, 2);
        escapes += code == escape;
        wrong |= code != escape && code >= termCount;
    }
    return wrong ? -1 : escapes;
}
