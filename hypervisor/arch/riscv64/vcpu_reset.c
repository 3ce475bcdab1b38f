#include <asm/csr.h>
#include <asm/vcpu_reset.h>

void fp_clear(void);

void vcpu_silence(void)
{
	csr_write(CSR_VSTIMECMP, ~0UL);
	csr_write(CSR_VSIE, 0);
	csr_write(CSR_HVIP, 0);
}

/* vsstatus.FS Off: the guest enables its FP unit itself, as on reset. */
void vcpu_reset_vs_state(void)
{
	vcpu_silence();
	csr_write(CSR_VSSTATUS, SSTATUS_UXL_64);
	csr_write(CSR_VSTVEC, 0);
	csr_write(CSR_VSSCRATCH, 0);
	csr_write(CSR_VSEPC, 0);
	csr_write(CSR_VSCAUSE, 0);
	csr_write(CSR_VSTVAL, 0);
	csr_write(CSR_VSATP, 0);
	csr_write(CSR_HTIMEDELTA, 0);
	fp_clear();
}
