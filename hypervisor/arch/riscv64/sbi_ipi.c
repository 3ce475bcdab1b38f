/* SBI IPI extension: a supervisor software interrupt for harts of the
 * caller's zone. hvip.VSSIP can only be set on the target hart, so the
 * request is posted in the target's hart_local and the target kicked: it
 * sets VSSIP on its way back to its guest (vcpu_sync). The guest clears it
 * itself, through its sip. */
#include <asm/csr.h>
#include <asm/sbi_guest.h>
#include <asm/trap_frame.h>

#include "arch.h"
#include "util.h"
#include "vcpu.h"
#include "zone.h"

/* Nothing is sent unless every named hart is the zone's. */
static int64_t send_ipi(struct vcpu *vcpu, uint64_t hart_mask, uint64_t hart_mask_base)
{
	uint64_t cpus;

	if (!sbi_zone_harts(vcpu->zone, hart_mask, hart_mask_base, &cpus))
		return SBI_ERR_INVALID_PARAM;
	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++) {
		if (!(cpus & BIT(cpu)))
			continue;
		__atomic_store_n(&hart_locals[cpu].vssip_pending, 1, __ATOMIC_RELEASE);
		if (cpu != vcpu->cpu)
			arch_cpu_kick(cpu);
	}
	return SBI_SUCCESS;
}

struct sbiret sbi_ipi_handle(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f)
{
	if (fid != SBI_IPI_SEND_IPI)
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	return (struct sbiret){ send_ipi(vcpu, f->x[REG_A0], f->x[REG_A0 + 1]), 0 };
}
