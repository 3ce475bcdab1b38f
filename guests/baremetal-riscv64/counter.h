/* The time CSR, for bounding waits. */
#ifndef BAREMETAL_RV_COUNTER_H
#define BAREMETAL_RV_COUNTER_H

#include <stdint.h>

/* How long a guest waits for what must come (another hart's answer): a
 * loaded host can starve a QEMU vCPU thread for a long while, so this is
 * seconds; only a failure waits it out. As guests/baremetal/counter.h. */
#define EXPECTED_WAIT_MS 10000u

/* QEMU virt's timebase-frequency (its DT's /cpus property). */
#define COUNTER_HZ 10000000u

static inline uint64_t counter_frequency(void)
{
	return COUNTER_HZ;
}

static inline uint64_t counter_ticks(void)
{
	uint64_t ticks;

	__asm__ volatile("rdtime %0" : "=r"(ticks) : : "memory");
	return ticks;
}

/* The counter value `ms` from now. */
static inline uint64_t counter_deadline_in_ms(unsigned ms)
{
	return counter_ticks() + (uint64_t)COUNTER_HZ / 1000 * ms;
}

static inline void counter_spin_ms(unsigned ms)
{
	uint64_t deadline = counter_deadline_in_ms(ms);

	while (counter_ticks() < deadline)
		;
}

#endif
