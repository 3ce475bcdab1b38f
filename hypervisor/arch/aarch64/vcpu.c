/* Entering a vCPU: EL2 controls for the zone, EL1 state at its reset values,
 * then eret to the entry point. */
#include <asm/sysreg.h>
#include <asm/trap_frame.h>
#include <asm/vcpu_reset.h>
#include <asm/vgic.h>

#include "arch.h"
#include "cstring.h"
#include "log.h"
#include "vcpu.h"
#include "zone.h"

/* 39-bit IPA (T0SZ 25) starting at level 1, write-back walks, inner
 * shareable, 4 KiB granule, 40-bit PA: IPA_BITS and PA_BITS of stage2_limits.c. */
#define VTCR_EL2_VALUE (25ULL | 1ULL << 6 | 1ULL << 8 | 1ULL << 10 | 3ULL << 12 | \
			2ULL << 16 | 1ULL << 31)

#define HCR_GUEST (HCR_VM | HCR_SWIO | HCR_FMO | HCR_IMO | HCR_AMO | HCR_FB | HCR_BSU_IS | \
		   HCR_TSC | HCR_RW)

#define PMCR_N(pmcr) (((pmcr) >> 11) & 0x1f)

static void setup_el2_controls(const struct vcpu *vcpu)
{
	const struct zone *zone = vcpu->zone;

	write_sysreg(vtcr_el2, VTCR_EL2_VALUE);
	write_sysreg(vttbr_el2, (uint64_t)zone->stage2.vmid << 48 | (uintptr_t)zone->stage2.root);
	write_sysreg(hcr_el2, HCR_GUEST);
	write_sysreg(vmpidr_el2, vcpu_hw_id(vcpu) | 1ULL << 31);
	write_sysreg(vpidr_el2, read_sysreg(midr_el1));
	write_sysreg(cptr_el2, CPTR_EL2_RES1);
	write_sysreg(mdcr_el2, PMCR_N(read_sysreg(pmcr_el0)));
	write_sysreg(cnthctl_el2, CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN);
	write_sysreg(cntvoff_el2, 0);
	isb();
	__asm__ volatile("tlbi vmalls12e1" : : : "memory");
	dsb(nsh);
	isb();
}

void arch_vcpu_run(struct vcpu *vcpu)
{
	static struct trap_frame initial[MAX_CPUS];
	struct trap_frame *f = &initial[vcpu->cpu];

	setup_el2_controls(vcpu);
	vcpu_reset_el1_state();
	vgic_vcpu_reset(vcpu);
	memset(f, 0, sizeof(*f));
	f->x[0] = vcpu->boot_arg;
	f->elr = vcpu->entry;
	f->spsr = PSR_MODE_EL1h | PSR_DAIF_MASK;
	log_info("zone %u vcpu %u starts at 0x%lx (x0 0x%lx)", vcpu->zone->id, vcpu->index,
		 (unsigned long)vcpu->entry, (unsigned long)vcpu->boot_arg);
	enter_guest(f);
}

void arch_vcpu_stop(struct vcpu *vcpu)
{
	vcpu_silence_timers();
	vgic_vcpu_stop(vcpu);
}

int arch_zone_init(struct zone *zone)
{
	return vgic_zone_init(zone);
}

void arch_zone_reset(struct zone *zone)
{
	vgic_zone_reset(zone);
}

void stage2_tlb_flush(const struct stage2_table *table)
{
	uint64_t saved = read_sysreg(vttbr_el2);

	write_sysreg(vttbr_el2, (uint64_t)table->vmid << 48);
	isb();
	__asm__ volatile("tlbi vmalls12e1is" : : : "memory");
	dsb(ish);
	write_sysreg(vttbr_el2, saved);
	isb();
}
