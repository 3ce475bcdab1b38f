#include "exception.h"
#include "guest_name.h"
#include "print.h"

volatile uint64_t sync_taken;
volatile uint64_t sync_esr;
volatile uint64_t sync_far;

void exception_clear(void)
{
	sync_taken = 0;
	sync_esr = 0;
	sync_far = 0;
}

/* Nothing can be trusted after one of these, so report and stop. */
_Noreturn void exception_unexpected(unsigned long vector)
{
	static const char *const kinds[] = { "synchronous", "IRQ", "FIQ", "SError" };
	static const char *const origins[] = {
		"current EL with SP0", "current EL with SPx", "lower EL AArch64", "lower EL AArch32",
	};
	uint64_t esr, elr, far;

	__asm__ volatile("mrs %0, esr_el1" : "=r"(esr));
	__asm__ volatile("mrs %0, elr_el1" : "=r"(elr));
	__asm__ volatile("mrs %0, far_el1" : "=r"(far));
	print("%s: unexpected %s exception from %s: ESR 0x%lx ELR 0x%lx FAR 0x%lx\n",
	      guest_name, kinds[vector % 4], origins[vector / 4], esr, elr, far);
	for (;;)
		__asm__ volatile("wfi");
}
