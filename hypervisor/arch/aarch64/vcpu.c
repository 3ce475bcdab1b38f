/* Entering a vCPU: EL2 controls for the zone, EL1 state at its reset values,
 * then eret to the entry point.
 *
 * What a zone reaches of its CPU, by register class. A zone owns its CPUs
 * alone; state it may keep is reset when a CPU changes zones (vcpu_reset.c).
 *
 * | register class                        | control                  | the zone gets           |
 * |---------------------------------------|--------------------------|-------------------------|
 * | IMPLEMENTATION DEFINED (op0=3, CRn=11 | HCR_EL2.TIDCP;           | undefined instruction,  |
 * | or 15: CPUACTLR, CPUECTLR, L2CTLR...) | ACTLR_EL2 = 0            | logged (rate-limited)   |
 * | ACTLR_EL1                             | HCR_EL2.TACR             | RAZ/WI                  |
 * | error records (ERR*, ERX*)            | HCR_EL2.TERR, with RAS   | undefined (no records   |
 * |                                       |                          | without RAS: cortex-a72)|
 * | breakpoints, watchpoints, MDSCR_EL1   | MDCR_EL2.TDA, TDE clear: | its CPU's own; debug    |
 * |                                       | not trapped              | exceptions go to its    |
 * |                                       |                          | EL1, never made at EL2  |
 * | debug communication channel (DBGDTR*, | not trapped: TDA would   | its CPU's own, reset    |
 * | MDCCSR, MDCCINT, OSDTRRX/TX), OSECCR, | trap the breakpoints and | with the OS Lock locked |
 * | claim tags                            | MDSCR_EL1 Linux uses too | (vcpu_reset.c)          |
 * | DBGVCR32_EL2                          | none: EL2's, for an      | nothing                 |
 * |                                       | AArch32 EL1 (HCR_EL2.RW) |                         |
 * | OS Lock (OSLAR_EL1, OSLSR_EL1)        | MDCR_EL2.TDOSA           | its CPU's own, via EL2  |
 * | OS Double Lock, DBGPRCR_EL1           | MDCR_EL2.TDOSA           | RAZ/WI: core power-down |
 * |                                       |                          | is the hypervisor's     |
 * | MDRAR_EL1 (debug ROM address)         | MDCR_EL2.TDRA            | RAZ: no external debug  |
 * | trace unit (TRC*), with system        | CPTR_EL2.TTA             | undefined instruction,  |
 * | register access (ID_AA64DFR0.TraceVer)|                          | logged (rate-limited)   |
 * | trace filter TRFCR_EL1 (TraceFilt)    | MDCR_EL2.TTRF            | undefined instruction   |
 * | PMU                                   | MDCR_EL2.HPMN = all;     | its CPU's own counters, |
 * |                                       | TPM: every access        | through EL2; an event   |
 * |                                       | emulated (pmu_trap.c);   | filter never counts at  |
 * |                                       | HPMD with PMUv3p1        | EL2 (NSH kept clear);   |
 * |                                       |                          | PMSWINC_EL0 counts as   |
 * |                                       |                          | written at EL1 or EL0   |
 * | speculative store bypass mitigation   | SMCCC_ARCH_WORKAROUND_2  | its CPU's setting; on   |
 * | (the firmware's, per CPU)             | to the firmware, if it   | again before the CPU's  |
 * |                                       | offers it (smccc_arch.c) | next vCPU starts        |
 */
#include <asm/smccc_arch.h>
#include <asm/sysreg.h>
#include <asm/trap_controls.h>
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

/* No HCR_EL2.FB: a vCPU never leaves its physical CPU, so a guest's local
 * TLB and instruction-cache maintenance only has to reach that CPU, and a
 * CPU given to another zone starts with its TLB cleaned for the zone's VMID
 * (setup_el2_controls). Forcing broadcast costs, under QEMU, a stop of every
 * CPU per local TLBI: 5% of zone0's boot (A/B, medians of 5: 4.15 ->
 * 3.95 s wall, 5.44 -> 5.09 s QEMU CPU). */
#define HCR_GUEST (HCR_VM | HCR_SWIO | HCR_FMO | HCR_IMO | HCR_AMO | HCR_BSU_IS | \
		   HCR_TSC | HCR_TIDCP | HCR_TACR | HCR_RW)

/* TERR is RES0 on cores without RAS. */
static uint64_t hcr_el2_value(void)
{
	return HCR_GUEST | (ID_AA64PFR0_RAS(read_sysreg(id_aa64pfr0_el1)) ? HCR_TERR : 0);
}

static void setup_el2_controls(const struct vcpu *vcpu)
{
	const struct zone *zone = vcpu->zone;

	write_sysreg(vtcr_el2, VTCR_EL2_VALUE);
	write_sysreg(vttbr_el2, (uint64_t)zone->stage2.vmid << 48 | (uintptr_t)zone->stage2.root);
	write_sysreg(hcr_el2, hcr_el2_value());
	write_sysreg(actlr_el2, 0);
	write_sysreg(vmpidr_el2, vcpu_hw_id(vcpu) | 1ULL << 31);
	write_sysreg(vpidr_el2, read_sysreg(midr_el1));
	write_sysreg(cptr_el2, cptr_el2_for(read_sysreg(id_aa64dfr0_el1)));
	write_sysreg(mdcr_el2, mdcr_el2_for(read_sysreg(id_aa64dfr0_el1), read_sysreg(pmcr_el0)));
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
	smccc_arch_restore_defaults(vcpu->cpu);
	vgic_vcpu_reset(vcpu);
	memset(f, 0, sizeof(*f));
	f->x[0] = vcpu->boot_arg;
	f->elr = vcpu->entry;
	f->spsr = PSR_MODE_EL1h | PSR_DAIF_MASK;
	log_guest_info(vcpu->zone, "zone %u vcpu %u starts at 0x%lx (x0 0x%lx)", vcpu->zone->id,
		  vcpu->index, (unsigned long)vcpu->entry, (unsigned long)vcpu->boot_arg);
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

/* The Arm ARM's sequence for a translation table update: the stores, DSB
 * ISHST so that every walker sees them before the invalidation can complete,
 * TLBI ... IS, DSB ISH for its completion on every CPU, ISB. Without the
 * first barrier another CPU may walk the old entry again after its TLB was
 * invalidated and cache it anew (QEMU orders the stores anyway; hardware
 * does not). */
void stage2_tlb_flush(const struct stage2_table *table)
{
	uint64_t saved = read_sysreg(vttbr_el2);

	dsb(ishst);
	write_sysreg(vttbr_el2, (uint64_t)table->vmid << 48);
	isb();
	__asm__ volatile("tlbi vmalls12e1is" : : : "memory");
	dsb(ish);
	write_sysreg(vttbr_el2, saved);
	isb();
}
