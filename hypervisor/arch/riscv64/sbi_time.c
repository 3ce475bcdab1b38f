/* SBI TIME extension on Sstc: the guest's timer is vstimecmp, which raises
 * its VS timer interrupt without the hypervisor (a guest that knows Sstc
 * writes it itself, as stimecmp). set_timer writes it for the guest; a
 * later time clears the pending interrupt, as the specification asks. */
#include <asm/csr.h>
#include <asm/hart_controls.h>
#include <asm/sbi_guest.h>

bool sbi_timer_available(void)
{
	return hart_has_sstc();
}

void sbi_set_timer(uint64_t stime_value)
{
	if (hart_has_sstc())
		csr_write(CSR_VSTIMECMP, stime_value);
}

struct sbiret sbi_time_handle(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f)
{
	(void)vcpu;
	if (fid != SBI_TIME_SET_TIMER || !sbi_timer_available())
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	sbi_set_timer(f->x[REG_A0]);
	return (struct sbiret){ SBI_SUCCESS, 0 };
}
