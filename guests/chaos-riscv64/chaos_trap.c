/* What the trap vector does with an exception: count it by cause, and
 * resume after the faulting instruction (2 or 4 bytes, read at sepc), or
 * after the jump that caused it. */
#include <stdint.h>

#include "chaos_trap.h"
#include "print.h"

#define SCAUSE_INSN_MISALIGNED 0
#define SCAUSE_INSN_ACCESS     1
#define SCAUSE_INSN_PAGE_FAULT 12

static uint64_t exceptions_by_cause[SCAUSE_COUNT + 1]; /* the last: any other cause */

void jump_recovered(void);

uint64_t chaos_trap(uint64_t scause, uint64_t sepc)
{
	uint16_t low_half;

	exceptions_by_cause[scause < SCAUSE_COUNT ? scause : SCAUSE_COUNT]++;
	if (scause == SCAUSE_INSN_MISALIGNED || scause == SCAUSE_INSN_ACCESS ||
	    scause == SCAUSE_INSN_PAGE_FAULT)
		return (uintptr_t)jump_recovered;
	/* Every other exception comes from an instruction in the guest's own
	 * RAM: the one to skip. */
	low_half = *(const volatile uint16_t *)(uintptr_t)sepc;
	return sepc + ((low_half & 3) == 3 ? 4 : 2);
}

uint64_t exceptions_total(void)
{
	uint64_t total = 0;

	for (unsigned cause = 0; cause <= SCAUSE_COUNT; cause++)
		total += exceptions_by_cause[cause];
	return total;
}

void print_exceptions(void)
{
	print("chaos: exceptions by cause:");
	for (unsigned cause = 0; cause <= SCAUSE_COUNT; cause++)
		if (exceptions_by_cause[cause])
			print(cause < SCAUSE_COUNT ? " %u:%lu" : " other %u:%lu", cause,
			      exceptions_by_cause[cause]);
	print("\n");
}
