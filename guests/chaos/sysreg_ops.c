/* MRS and MSR across the system register encoding space (op0 2 and 3,
 * every op1, CRn, CRm, op2), with x0 as the register. Writes that would
 * take the guest's own ground away (its vectors, its stack selection, its
 * exception masks, its MMU and endianness) are left out: they would end
 * the run without testing the hypervisor. */
#include <stdbool.h>
#include <stdint.h>

#include "ops.h"
#include "prng.h"

#define MRS_X0 0xd5300000u
#define MSR_X0 0xd5100000u

#define ENCODING(op0, op1, crn, crm, op2) \
	((uint32_t)((op0) - 2) << 19 | (op1) << 16 | (crn) << 12 | (crm) << 8 | (op2) << 5)

static const uint32_t unwritable[] = {
	ENCODING(3, 0, 1, 0, 0),  /* SCTLR_EL1 */
	ENCODING(3, 0, 12, 0, 0), /* VBAR_EL1 */
	ENCODING(3, 0, 4, 2, 0),  /* SPSel */
	ENCODING(3, 3, 4, 2, 1),  /* DAIF */
};

/* Values that reach bits a random word rarely sets alone. */
static const uint64_t values[] = { 0, ~0ULL, 1, 0x80000000ULL, 0xffffffffULL };

static bool writable(uint32_t encoding)
{
	for (unsigned i = 0; i < sizeof(unwritable) / sizeof(unwritable[0]); i++)
		if (unwritable[i] == encoding)
			return false;
	return true;
}

static uint32_t random_encoding(void)
{
	return ENCODING(2 + prng_below(2), prng_below(8), prng_below(16), prng_below(16),
			prng_below(8));
}

void op_sysreg(void)
{
	uint32_t encoding = random_encoding();
	uint64_t value = prng_below(2) ? prng_next() : PRNG_PICK(values);

	if (prng_below(2) && writable(encoding))
		run_instruction(MSR_X0 | encoding, value, 0, 0, 0);
	else
		run_instruction(MRS_X0 | encoding, value, 0, 0, 0);
}
