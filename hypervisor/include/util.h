/* Small arithmetic helpers used across the hypervisor and its host tests. */
#ifndef UTIL_H
#define UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a)        (sizeof(a) / sizeof((a)[0]))
#define BIT(n)               (1ULL << (n))
#define ALIGN_DOWN(x, a)     ((x) & ~((uint64_t)(a) - 1))
#define ALIGN_UP(x, a)       ALIGN_DOWN((x) + (a) - 1, (a))
#define IS_ALIGNED(x, a)     (((x) & ((uint64_t)(a) - 1)) == 0)
#define MIN(a, b)            ((a) < (b) ? (a) : (b))

#define PAGE_SIZE            4096ULL

/* Half-open ranges [a, a + a_size) and [b, b + b_size); sizes are non-zero. */
static inline bool ranges_overlap(uint64_t a, uint64_t a_size, uint64_t b, uint64_t b_size)
{
	return a < b + b_size && b < a + a_size;
}

static inline bool range_contains(uint64_t outer, uint64_t outer_size, uint64_t inner,
				  uint64_t inner_size)
{
	return inner >= outer && inner_size <= outer_size && inner - outer <= outer_size - inner_size;
}

#endif
