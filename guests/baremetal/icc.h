/* The GICv3 CPU interface by system register, for guests whose interrupt
 * checks acknowledge and end interrupts by hand. Encodings, for assemblers
 * that lack the names. */
#ifndef BAREMETAL_ICC_H
#define BAREMETAL_ICC_H

#include <stdint.h>

#include "counter.h"

#define ICC_SPURIOUS_INTID 1023u

/* How long a check polls to see that an interrupt is not signalled. A slow
 * host can only make such a check miss a late interrupt, never fail it; one
 * that must come is waited for EXPECTED_WAIT_MS. */
#define ICC_NOT_TAKEN_MS 20u

static inline void write_icc_pmr(uint64_t value)
{
	__asm__ volatile("msr S3_0_C4_C6_0, %0" : : "r"(value) : "memory");
}

static inline void write_icc_igrpen1(uint64_t value)
{
	__asm__ volatile("msr S3_0_C12_C12_7, %0\n\tisb" : : "r"(value) : "memory");
}

static inline uint32_t read_icc_iar1(void)
{
	uint64_t intid;

	__asm__ volatile("mrs %0, S3_0_C12_C12_0" : "=r"(intid) : : "memory");
	return (uint32_t)intid & 0xffffff;
}

static inline void write_icc_eoir1(uint32_t intid)
{
	__asm__ volatile("msr S3_0_C12_C12_1, %0\n\tisb" : : "r"((uint64_t)intid) : "memory");
}

/* The first INTID the CPU interface signals within `ms`, or
 * ICC_SPURIOUS_INTID. Interrupts stay masked: the guest polls instead of
 * taking them. */
static inline uint32_t icc_poll_interrupt(unsigned ms)
{
	uint64_t deadline = counter_deadline_in_ms(ms);

	do {
		uint32_t intid = read_icc_iar1();
		if (intid != ICC_SPURIOUS_INTID)
			return intid;
	} while (counter_ticks() < deadline);
	return ICC_SPURIOUS_INTID;
}

#endif
