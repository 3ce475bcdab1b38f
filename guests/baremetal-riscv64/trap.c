#include "guest_name.h"
#include "print.h"
#include "trap.h"

volatile uint64_t trap_taken;
volatile uint64_t trap_scause;
volatile uint64_t trap_stval;
volatile uint64_t trap_sepc;

void trap_clear(void)
{
	trap_taken = 0;
	trap_scause = 0;
	trap_stval = 0;
	trap_sepc = 0;
}

/* Nothing can be trusted after one of these, so report and stop. */
_Noreturn void trap_unexpected(uint64_t scause, uint64_t sepc, uint64_t stval)
{
	print("%s: unexpected interrupt: scause 0x%lx sepc 0x%lx stval 0x%lx\n", guest_name, scause,
	      sepc, stval);
	for (;;)
		__asm__ volatile("wfi");
}
