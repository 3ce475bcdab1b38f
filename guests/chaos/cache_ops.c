/* Cache maintenance and address translation by address (DC, IC, AT), on
 * the addresses of addresses.c: to the hypervisor a data abort whose
 * syndrome says cache maintenance, not a write, even on an emulated
 * window. DC ZVA writes zeros, but only to those addresses, never to the
 * guest's own RAM. */
#include <stdint.h>

#include "ops.h"
#include "prng.h"

#define SYS_X0(op1, crn, crm, op2) \
	(0xd5080000u | (op1) << 16 | (crn) << 12 | (crm) << 8 | (op2) << 5)

static const uint32_t by_address[] = {
	SYS_X0(3, 7, 14, 1), /* DC CIVAC */
	SYS_X0(3, 7, 10, 1), /* DC CVAC */
	SYS_X0(0, 7, 6, 1),  /* DC IVAC */
	SYS_X0(3, 7, 11, 1), /* DC CVAU */
	SYS_X0(3, 7, 12, 1), /* DC CVAP, ARMv8.2: undefined here */
	SYS_X0(3, 7, 4, 1),  /* DC ZVA */
	SYS_X0(3, 7, 5, 1),  /* IC IVAU */
	SYS_X0(0, 7, 8, 0),  /* AT S1E1R */
	SYS_X0(0, 7, 8, 1),  /* AT S1E1W */
	SYS_X0(0, 7, 8, 2),  /* AT S1E0R */
	SYS_X0(4, 7, 8, 0),  /* AT S1E2R: undefined at EL1 */
};

void op_cache(void)
{
	run_instruction(PRNG_PICK(by_address), random_outside_address(), 0, 0, 0);
}
