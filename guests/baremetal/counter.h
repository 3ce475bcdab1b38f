/* The virtual counter, for timing hypercalls and bounding waits. */
#ifndef BAREMETAL_COUNTER_H
#define BAREMETAL_COUNTER_H

#include <stdint.h>

/* How long a guest waits for what must come: another vCPU's answer, an
 * interrupt it made pending, a device's completion. A loaded host can
 * starve a QEMU vCPU thread for a long while, so this is seconds; only a
 * failure waits it out. */
#define EXPECTED_WAIT_MS 10000u

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

/* The counter value `ms` from now. */
static inline uint64_t counter_deadline_in_ms(unsigned ms)
{
	return counter_ticks() + counter_frequency() * ms / 1000;
}

static inline void counter_spin_ms(unsigned ms)
{
	uint64_t deadline = counter_deadline_in_ms(ms);

	while (counter_ticks() < deadline)
		;
}

#endif
