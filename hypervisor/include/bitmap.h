/* Bitmaps of 64-bit words: CPU sets, interrupt ownership, page-pool usage. */
#ifndef BITMAP_H
#define BITMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BITMAP_WORDS(bits) (((bits) + 63) / 64)

static inline bool bitmap_test(const uint64_t *map, size_t bit)
{
	return (map[bit / 64] >> (bit % 64)) & 1;
}

static inline void bitmap_set(uint64_t *map, size_t bit)
{
	map[bit / 64] |= 1ULL << (bit % 64);
}

static inline void bitmap_clear(uint64_t *map, size_t bit)
{
	map[bit / 64] &= ~(1ULL << (bit % 64));
}

/* First clear bit at or after `start`, or `nbits` if there is none. */
static inline size_t bitmap_find_clear(const uint64_t *map, size_t nbits, size_t start)
{
	for (size_t bit = start; bit < nbits; bit++) {
		if (bit % 64 == 0 && map[bit / 64] == ~0ULL) {
			bit += 63;
			continue;
		}
		if (!bitmap_test(map, bit))
			return bit;
	}
	return nbits;
}

#endif
