#define _GNU_SOURCE
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include "CModelSupport.h"

const void *chronicle_find(const void *haystack, size_t haystackLength, const void *needle, size_t needleLength) {
    return memmem(haystack, haystackLength, needle, needleLength);
}

int chronicle_release_free_memory(void) {
#if defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}

void chronicle_pad_heap_growth(size_t bytes) {
#if defined(__GLIBC__)
    mallopt(M_TOP_PAD, (int)(bytes > 0x40000000 ? 0x40000000 : bytes));
#else
    (void)bytes;
#endif
}

void chronicle_limit_malloc_arenas(int arenas) {
#if defined(__GLIBC__)
    if (arenas > 0) mallopt(M_ARENA_MAX, arenas);
#else
    (void)arenas;
#endif
}
