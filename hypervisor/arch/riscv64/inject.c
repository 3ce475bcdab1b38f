/* A trap into VS mode, done by hand as the hart would do it (privileged
 * specification 1.12, 4.1.1): the guest's trap CSRs take the cause, the
 * interrupted pc and privilege, and it resumes in VS mode at the base of
 * vstvec (exceptions ignore vectored mode) with its interrupts off. */
#include <asm/csr.h>
#include <asm/inject.h>

void inject_exception(struct trap_frame *f, uint64_t cause, uint64_t tval)
{
	uint64_t vsstatus = csr_read(CSR_VSSTATUS);

	vsstatus &= ~(SSTATUS_SPP | SSTATUS_SPIE);
	if (f->sstatus & SSTATUS_SPP)
		vsstatus |= SSTATUS_SPP;
	if (vsstatus & SSTATUS_SIE)
		vsstatus |= SSTATUS_SPIE;
	vsstatus &= ~SSTATUS_SIE;
	csr_write(CSR_VSSTATUS, vsstatus);
	csr_write(CSR_VSCAUSE, cause);
	csr_write(CSR_VSTVAL, tval);
	csr_write(CSR_VSEPC, f->sepc);
	f->sepc = csr_read(CSR_VSTVEC) & ~3UL;
	f->sstatus |= SSTATUS_SPP;
}
