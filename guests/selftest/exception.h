/* The last synchronous exception taken at EL1, as recorded by vectors.S,
 * and a load that is allowed to take one. */
#ifndef SELFTEST_EXCEPTION_H
#define SELFTEST_EXCEPTION_H

#include <stdint.h>

#define ESR_EC(esr)   (((esr) >> 26) & 0x3f)
#define ESR_DFSC(esr) ((esr) & 0x3f)

#define ESR_EC_UNKNOWN     0x00 /* undefined instruction */
#define ESR_EC_DABT_CUR    0x25 /* data abort taken without a change of EL */
#define ESR_DFSC_SYNC_EXT  0x10 /* synchronous external abort */

/* Volatile: vectors.S writes them behind the compiler's back. */
extern volatile uint64_t sync_taken;
extern volatile uint64_t sync_esr;
extern volatile uint64_t sync_far;

void exception_clear(void);

/* Entered from vectors.S with the vector's index (0..15) for everything but
 * a synchronous exception at EL1h. */
_Noreturn void exception_unexpected(unsigned long vector);

/* A single load instruction, so the handler's ELR += 4 resumes right after
 * it. If it faults, the returned value is the initial 0. */
static inline uint32_t probe_read32(uintptr_t addr)
{
	uint32_t value = 0;

	__asm__ volatile("ldr %w0, [%1]" : "+r"(value) : "r"(addr) : "memory");
	return value;
}

/* A single write of ICC_SGI0R_EL1 (Group 0 SGIs), which traps to EL2 and is
 * not emulated there. */
static inline void probe_write_icc_sgi0r(uint64_t value)
{
	__asm__ volatile("msr S3_0_C12_C11_7, %0" : : "r"(value) : "memory");
}

#endif
