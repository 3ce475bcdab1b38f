/* The few C library functions a freestanding build still needs (the compiler
 * may emit calls to memcpy and memset itself). */
#ifndef CSTRING_H
#define CSTRING_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strnlen(const char *s, size_t max);

#endif
