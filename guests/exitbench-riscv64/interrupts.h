/* The guest's interrupts: software (SBI IPIs) and timer (Sstc), dispatched
 * from interrupt_vector.S with the time of entry. Exceptions still go to
 * the library's recording vector. */
#ifndef EXITBENCH_RV_INTERRUPTS_H
#define EXITBENCH_RV_INTERRUPTS_H

#include <stdint.h>

#define SIE_SSIE     (1UL << 1)
#define SIE_STIE     (1UL << 5)
#define SSTATUS_SIE  (1UL << 1)

/* Sets this hart's vector and remembers its hart id (in tp, which nothing
 * else uses) for the handlers. */
void interrupts_install(uint64_t hart);

static inline void interrupts_enable(unsigned long sie_bits)
{
	__asm__ volatile("csrs sie, %0" : : "r"(sie_bits));
	__asm__ volatile("csrs sstatus, %0" : : "r"(SSTATUS_SIE) : "memory");
}

static inline void interrupts_disable(void)
{
	__asm__ volatile("csrc sstatus, %0" : : "r"(SSTATUS_SIE) : "memory");
	__asm__ volatile("csrw sie, zero");
}

static inline uint64_t this_hart(void)
{
	uint64_t hart;

	__asm__("mv %0, tp" : "=r"(hart));
	return hart;
}

/* Called by interrupt_vector.S. */
void interrupt_taken(uint64_t entry_ticks, uint64_t scause);

/* Each row's handler, in ipi_round_trip.c and timer_latency.c. */
void ipi_arrived(uint64_t entry_ticks);
void timer_fired(uint64_t entry_ticks);

#endif
