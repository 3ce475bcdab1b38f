#include "interrupts.h"
#include "trap.h"

#define SCAUSE_INTERRUPT (1UL << 63)
#define IRQ_S_SOFT  1
#define IRQ_S_TIMER 5

extern char interrupt_vector[];

void interrupts_install(uint64_t hart)
{
	__asm__ volatile("mv tp, %0" : : "r"(hart));
	__asm__ volatile("csrw stvec, %0" : : "r"(interrupt_vector));
}

void interrupt_taken(uint64_t entry_ticks, uint64_t scause)
{
	switch (scause & ~SCAUSE_INTERRUPT) {
	case IRQ_S_SOFT:
		__asm__ volatile("csrc sip, %0" : : "r"(1UL << IRQ_S_SOFT));
		ipi_arrived(entry_ticks);
		break;
	case IRQ_S_TIMER:
		timer_fired(entry_ticks);
		break;
	default:
		trap_unexpected(scause, 0, 0);
	}
}
