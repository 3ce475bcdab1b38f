/* Byte-wise unless everything is 8-byte aligned: the hypervisor is built
 * with -mstrict-align, and these run before the MMU makes memory Normal.
 * Zone boot images (tens of MiB) and the zeroing of new page-table pages
 * (zone0's stage-2 table is about 900 of them) take the word path. */
#include "cstring.h"

#include <stdint.h>

/* A block's loads all come before its stores. QEMU's TLB is indexed by
 * address bits, and a zone's kernel (0x50400000) and its copy in the
 * restart cache (0x48000000) share an index: copied a word at a time, each
 * access evicted the other's entry (a 33 MB kernel took 230 ms to save). */
#define BLOCK_WORDS 8u
#define BLOCK_BYTES (BLOCK_WORDS * 8u)

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if ((((uintptr_t)d | (uintptr_t)s) & 7) == 0) {
		for (; n >= BLOCK_BYTES; n -= BLOCK_BYTES, d += BLOCK_BYTES, s += BLOCK_BYTES) {
			uint64_t block[BLOCK_WORDS];

#pragma GCC unroll 8
			for (unsigned i = 0; i < BLOCK_WORDS; i++)
				block[i] = ((const uint64_t *)(const void *)s)[i];
#pragma GCC unroll 8
			for (unsigned i = 0; i < BLOCK_WORDS; i++)
				((uint64_t *)(void *)d)[i] = block[i];
		}
		for (; n >= 8; n -= 8, d += 8, s += 8)
			*(uint64_t *)(void *)d = *(const uint64_t *)(const void *)s;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	if (((uintptr_t)d & 7) == 0) {
		uint64_t word = 0x0101010101010101ULL * (unsigned char)c;

		for (; n >= 8; n -= 8, d += 8)
			*(uint64_t *)(void *)d = word;
	}
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}
