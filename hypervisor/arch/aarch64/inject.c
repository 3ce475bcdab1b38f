#include <asm/esr.h>
#include <asm/inject.h>
#include <asm/sysreg.h>

#define VECTOR_CURRENT_SP0 0x000
#define VECTOR_CURRENT_SPX 0x200
#define VECTOR_LOWER_A64   0x400

static bool from_el0(const struct trap_frame *f)
{
	return (f->spsr & PSR_MODE_MASK) == PSR_MODE_EL0t;
}

static uint64_t sync_vector(const struct trap_frame *f)
{
	uint64_t vbar = read_sysreg(vbar_el1);

	switch (f->spsr & PSR_MODE_MASK) {
	case PSR_MODE_EL1t:
		return vbar + VECTOR_CURRENT_SP0;
	case PSR_MODE_EL1h:
		return vbar + VECTOR_CURRENT_SPX;
	default:
		return vbar + VECTOR_LOWER_A64;
	}
}

static void inject_sync(struct trap_frame *f, uint64_t esr)
{
	write_sysreg(esr_el1, esr);
	write_sysreg(elr_el1, f->elr);
	write_sysreg(spsr_el1, f->spsr);
	f->elr = sync_vector(f);
	f->spsr = PSR_MODE_EL1h | PSR_DAIF_MASK;
}

void inject_data_abort(struct trap_frame *f, uint64_t far, bool is_write)
{
	uint64_t ec = from_el0(f) ? EC_DABT_LOW : EC_DABT_CUR;

	write_sysreg(far_el1, far);
	inject_sync(f, ec << ESR_EC_SHIFT | ESR_IL | (is_write ? DABT_WNR : 0) | FSC_SYNC_EXTERNAL);
}

void inject_instruction_abort(struct trap_frame *f, uint64_t far)
{
	uint64_t ec = from_el0(f) ? EC_IABT_LOW : EC_IABT_CUR;

	write_sysreg(far_el1, far);
	inject_sync(f, ec << ESR_EC_SHIFT | ESR_IL | FSC_SYNC_EXTERNAL);
}

/* EC_UNKNOWN is 0: the syndrome is only the instruction-length bit. */
void inject_undefined(struct trap_frame *f)
{
	inject_sync(f, ESR_IL);
}
