/* The last synchronous exception taken at EL1, as recorded by vectors.S,
 * and the loads and stores that are allowed to take one. */
#ifndef BAREMETAL_EXCEPTION_H
#define BAREMETAL_EXCEPTION_H

#include <stdint.h>

#define ESR_EC(esr)   (((esr) >> 26) & 0x3f)
#define ESR_DFSC(esr) ((esr) & 0x3f)
#define ESR_WNR       (1u << 6) /* data abort: the access was a write */

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

/* Each probe is a single load or store instruction, so the handler's
 * ELR += 4 resumes right after it. A load that faults returns the initial 0. */
static inline uint32_t probe_read32(uintptr_t addr)
{
	uint32_t value = 0;

	__asm__ volatile("ldr %w0, [%1]" : "+r"(value) : "r"(addr) : "memory");
	return value;
}

static inline uint64_t probe_read64(uintptr_t addr)
{
	uint64_t value = 0;

	__asm__ volatile("ldr %0, [%1]" : "+r"(value) : "r"(addr) : "memory");
	return value;
}

static inline void probe_write32(uintptr_t addr, uint32_t value)
{
	__asm__ volatile("str %w0, [%1]" : : "r"(value), "r"(addr) : "memory");
}

static inline void probe_write64(uintptr_t addr, uint64_t value)
{
	__asm__ volatile("str %0, [%1]" : : "r"(value), "r"(addr) : "memory");
}

#endif
