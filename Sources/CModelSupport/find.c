#define _GNU_SOURCE
#include <string.h>
#include "CModelSupport.h"

const void *chronicle_find(const void *haystack, size_t haystackLength, const void *needle, size_t needleLength) {
    return memmem(haystack, haystackLength, needle, needleLength);
}
