#include <asm/el1_exception.h>
#include <asm/inject.h>
#include <asm/sysreg.h>

static void inject_sync(struct trap_frame *f, uint64_t esr)
{
	write_sysreg(esr_el1, esr);
	write_sysreg(elr_el1, f->elr);
	write_sysreg(spsr_el1, f->spsr);
	f->elr = read_sysreg(vbar_el1) + el1_sync_vector_offset(f->spsr);
	f->spsr = PSR_MODE_EL1h | PSR_DAIF_MASK;
}

void inject_data_abort(struct trap_frame *f, uint64_t far, bool is_write)
{
	write_sysreg(far_el1, far);
	inject_sync(f, el1_abort_esr(f->spsr, false, is_write));
}

void inject_instruction_abort(struct trap_frame *f, uint64_t far)
{
	write_sysreg(far_el1, far);
	inject_sync(f, el1_abort_esr(f->spsr, true, false));
}

void inject_undefined(struct trap_frame *f)
{
	inject_sync(f, el1_undefined_esr());
}
