/* The virtual counter, for timing hypercalls. */
#ifndef BAREMETAL_COUNTER_H
#define BAREMETAL_COUNTER_H

#include <stdint.h>

static inline uint64_t counter_ticks(void)
{
	uint64_t ticks;

	/* The isb keeps the read from being hoisted over the measured code. */
	__asm__ volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(ticks) : : "memory");
	return ticks;
}

static inline uint64_t counter_frequency(void)
{
	uint64_t hz;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(hz));
	return hz;
}

#endif
