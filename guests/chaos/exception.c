/* What chaos_sync (vectors.S) does with a synchronous exception: count it
 * by class, and resume after the faulting instruction, or after the jump
 * that caused it. */
#include <stdint.h>

#include "chaos_exception.h"
#include "exception.h"
#include "print.h"

#define EC_SVC64       0x15
#define EC_IABT_LOW    0x20
#define EC_IABT_CUR    0x21
#define EC_PC_ALIGN    0x22

uint64_t exceptions_by_class[ESR_EC_COUNT];

void jump_recovered(void);

uint64_t chaos_exception(uint64_t esr, uint64_t elr)
{
	uint64_t ec = ESR_EC(esr);

	exceptions_by_class[ec]++;
	if (ec == EC_IABT_LOW || ec == EC_IABT_CUR || ec == EC_PC_ALIGN)
		return (uintptr_t)jump_recovered;
	/* An SVC's return address is already past it. */
	return ec == EC_SVC64 ? elr : elr + 4;
}

uint64_t exceptions_total(void)
{
	uint64_t total = 0;

	for (unsigned ec = 0; ec < ESR_EC_COUNT; ec++)
		total += exceptions_by_class[ec];
	return total;
}

void print_exceptions(void)
{
	print("chaos: exceptions by class:");
	for (unsigned ec = 0; ec < ESR_EC_COUNT; ec++)
		if (exceptions_by_class[ec])
			print(" 0x%x:%lu", ec, exceptions_by_class[ec]);
	print("\n");
}
