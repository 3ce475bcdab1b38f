/* Physical interrupts taken while a zone runs. */
#include <asm/gicv3.h>
#include <asm/trap_frame.h>
#include <asm/vgic.h>

#include "log.h"
#include "vcpu.h"
#include "zone.h"

/* Interrupts of the zone go to the guest hardware-linked: the priority drop
 * happens here, the deactivation by the guest's own EOI. */
void handle_guest_irq(struct trap_frame *f, unsigned kind)
{
	struct vcpu *vcpu = &this_cpu()->vcpu;
	uint32_t intid;

	(void)f;
	(void)kind;
	while ((intid = gicv3_acknowledge()) != GIC_SPURIOUS_INTID) {
		gicv3_end_of_interrupt(intid);
		if (vgic_guest_receives(vcpu, intid)) {
			vgic_inject_hw(vcpu, intid);
			continue;
		}
		gicv3_deactivate(intid);
		if (intid != SGI_KICK && intid != INTID_MAINTENANCE)
			log_warn("zone %u: interrupt %u it does not own was dropped", vcpu->zone->id,
				 intid);
	}
	vcpu_exit_done(vcpu);
	vgic_sync(vcpu);
}

void handle_guest_unexpected(struct trap_frame *f, unsigned kind)
{
	static const char *const kinds[] = { "synchronous (AArch32)", "IRQ", "FIQ", "SError" };

	log_warn("unexpected %s exception from the guest at pc 0x%lx ignored", kinds[kind & 3],
		 (unsigned long)f->elr);
}
