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

/* 0 .. bound - 1 (bound > 0). */
static inline uint64_t prng_below(uint64_t bound)
{
	return prng_next() % bound;
}

/* An element of a constant array. */
#define PRNG_PICK(array) ((array)[prng_below(sizeof(array) / sizeof((array)[0]))])

#endif
