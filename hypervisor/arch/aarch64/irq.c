/* Physical interrupts, FIQs and SErrors taken while a zone runs. */
#include <asm/esr.h>
#include <asm/gicv3.h>
#include <asm/sysreg.h>
#include <asm/trap_frame.h>
#include <asm/vgic.h>

#include "arch.h"
#include "exit_stats.h"
#include "log.h"
#include "vcpu.h"
#include "zone.h"
#include "zone_stop.h"

/* Interrupts of the zone go to the guest hardware-linked: the priority drop
 * happens here, the deactivation by the guest's own EOI. One interrupt per
 * exit: another one pending brings the CPU straight back, which costs less
 * than the acknowledge that would find none in the common case. */
static enum exit_kind irq_exit_kind(const struct vcpu *vcpu, uint32_t intid)
{
	if (intid == INTID_VIRT_TIMER || intid == INTID_PHYS_TIMER)
		return EXIT_IRQ_TIMER;
	if (intid == SGI_KICK)
		return EXIT_IRQ_KICK;
	return vgic_guest_receives(vcpu, intid) ? EXIT_IRQ_DEVICE : EXIT_IRQ_OTHER;
}

void handle_guest_irq(struct trap_frame *f, unsigned kind)
{
	uint64_t start_ns = IS_ENABLED_STATS ? arch_time_ns() : 0;
	struct vcpu *vcpu = &this_cpu()->vcpu;
	uint32_t intid = gicv3_acknowledge();

	(void)f;
	(void)kind;
	if (intid != GIC_SPURIOUS_INTID) {
		gicv3_end_of_interrupt(intid);
		if (vgic_guest_receives(vcpu, intid)) {
			vgic_inject_hw(vcpu, intid);
		} else {
			gicv3_deactivate(intid);
			if (intid != SGI_KICK && intid != INTID_MAINTENANCE)
				log_guest_warn(vcpu->zone,
					       "zone %u: interrupt %u it does not own was dropped",
					       vcpu->zone->id, intid);
		}
	}
	vcpu_exit_done(vcpu);
	vgic_sync(vcpu);
	exit_stats_count(irq_exit_kind(vcpu, intid), start_ns);
}

/* Nothing is Group 0 and EL2 leaves Group 0 disabled, so a FIQ has no source
 * to acknowledge; it is only reported. */
void handle_guest_fiq(struct trap_frame *f, unsigned kind)
{
	struct vcpu *vcpu = &this_cpu()->vcpu;

	(void)kind;
	log_guest_warn(vcpu->zone, "zone %u vcpu %u: unexpected FIQ at pc 0x%lx ignored",
		       vcpu->zone->id, vcpu->index, (unsigned long)f->elr);
	vcpu_exit_done(vcpu);
	vgic_sync(vcpu);
}

/* An SError from a zone's access belongs to the zone: it receives it as a
 * virtual SError, taken when it unmasks PSTATE.A. Cores with the RAS
 * extension (not the cortex-a72) also give it the physical syndrome. */
void handle_guest_serror(struct trap_frame *f, unsigned kind)
{
	struct vcpu *vcpu = &this_cpu()->vcpu;
	uint64_t esr = read_sysreg(esr_el2);

	(void)kind;
	log_guest_warn(vcpu->zone,
		       "zone %u vcpu %u: SError, ESR 0x%lx, at pc 0x%lx: virtual SError to the "
		       "guest",
		       vcpu->zone->id, vcpu->index, (unsigned long)esr, (unsigned long)f->elr);
	if (ID_AA64PFR0_RAS(read_sysreg(id_aa64pfr0_el1)))
		write_sysreg(VSESR_EL2, ESR_ISS(esr));
	write_sysreg(hcr_el2, read_sysreg(hcr_el2) | HCR_VSE);
	isb();
	vcpu_exit_done(vcpu);
	vgic_sync(vcpu);
}
