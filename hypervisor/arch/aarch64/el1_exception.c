#include <asm/el1_exception.h>
#include <asm/esr.h>
#include <asm/sysreg.h>

#define VECTOR_CURRENT_SP0 0x000
#define VECTOR_CURRENT_SPX 0x200
#define VECTOR_LOWER_A64   0x400
#define VECTOR_LOWER_A32   0x600

/* EL1 is always AArch64 (HCR_EL2.RW), so AArch32 state means AArch32 EL0. */
bool interrupted_at_el0(uint64_t spsr)
{
	return (spsr & PSR_MODE_AARCH32) || (spsr & PSR_MODE_MASK) == PSR_MODE_EL0t;
}

uint64_t el1_sync_vector_offset(uint64_t spsr)
{
	if (spsr & PSR_MODE_AARCH32)
		return VECTOR_LOWER_A32;
	switch (spsr & PSR_MODE_MASK) {
	case PSR_MODE_EL1t:
		return VECTOR_CURRENT_SP0;
	case PSR_MODE_EL1h:
		return VECTOR_CURRENT_SPX;
	default:
		return VECTOR_LOWER_A64;
	}
}

/* IL stays 1 whatever the length of the instruction that trapped, even a
 * 16-bit T32 one: the Arm ARM (ESR_ELx.IL) fixes it at 1 for exceptions
 * reported with EC 0 (unknown reason), for instruction aborts and for data
 * aborts without a valid instruction syndrome, which is all this injects. */
/* EC_UNKNOWN is 0: the syndrome is only the instruction-length bit. */
uint64_t el1_undefined_esr(void)
{
	return ESR_IL;
}

uint64_t el1_abort_esr(uint64_t spsr, bool instruction_fetch, bool is_write)
{
	uint64_t ec;

	if (instruction_fetch)
		ec = interrupted_at_el0(spsr) ? EC_IABT_LOW : EC_IABT_CUR;
	else
		ec = interrupted_at_el0(spsr) ? EC_DABT_LOW : EC_DABT_CUR;
	return ec << ESR_EC_SHIFT | ESR_IL | (is_write && !instruction_fetch ? DABT_WNR : 0) |
	       FSC_SYNC_EXTERNAL;
}
