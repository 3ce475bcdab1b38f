/* The last exception the guest took, as recorded by trap_vector.S, and the
 * loads and stores that are allowed to take one. */
#ifndef BAREMETAL_RV_TRAP_H
#define BAREMETAL_RV_TRAP_H

#include <stdint.h>

#define SCAUSE_ILLEGAL_INSN 2
#define SCAUSE_LOAD_ACCESS  5
#define SCAUSE_STORE_ACCESS 7

/* Volatile: trap_vector.S writes them behind the compiler's back. */
extern volatile uint64_t trap_taken;
extern volatile uint64_t trap_scause;
extern volatile uint64_t trap_stval;
extern volatile uint64_t trap_sepc;

void trap_clear(void);

/* Entered from trap_vector.S for an interrupt. */
_Noreturn void trap_unexpected(uint64_t scause, uint64_t sepc, uint64_t stval);

/* Each probe is a single load or store instruction, so the vector's
 * sepc += length resumes right after it. A load that faults returns the
 * initial 0. */
static inline uint32_t probe_read32(uintptr_t addr)
{
	uint32_t value = 0;

	__asm__ volatile("lw %0, 0(%1)" : "+r"(value) : "r"(addr) : "memory");
	return value;
}

static inline uint64_t probe_read64(uintptr_t addr)
{
	uint64_t value = 0;

	__asm__ volatile("ld %0, 0(%1)" : "+r"(value) : "r"(addr) : "memory");
	return value;
}

static inline void probe_write32(uintptr_t addr, uint32_t value)
{
	__asm__ volatile("sw %0, 0(%1)" : : "r"(value), "r"(addr) : "memory");
}

#endif
