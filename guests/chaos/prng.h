/* xorshift64*: small, fast and fully determined by its seed, so a seed
 * names one exact sequence of operations. */
#ifndef CHAOS_PRNG_H
#define CHAOS_PRNG_H

#include <stdint.h>

extern uint64_t prng_state;

static inline uint64_t prng_next(void)
{
	prng_state ^= prng_state >> 12;
	prng_state ^= prng_state << 25;
	prng_state ^= prng_state >> 27;
	return prng_state * 0x2545f4914f6cdd1dULL;
}

/* splitmix64 of the seed: xorshift needs a state other than 0, and nearby
 * seeds should not start nearby. */
static inline void prng_seed(uint64_t seed)
{
	uint64_t z = seed + 0x9e3779b97f4a7c15ULL;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	prng_state = z ? z : 1;
}

/* 0 .. bound - 1 (bound > 0). */
static inline uint64_t prng_below(uint64_t bound)
{
	return prng_next() % bound;
}

/* An element of a constant array. */
#define PRNG_PICK(array) ((array)[prng_below(sizeof(array) / sizeof((array)[0]))])

#endif
