/* Physical interrupts taken while a zone runs. */
#include <asm/gicv3.h>
#include <asm/trap_frame.h>

#include "log.h"

void handle_guest_irq(struct trap_frame *f, unsigned kind)
{
	uint32_t intid;

	(void)f;
	(void)kind;
	while ((intid = gicv3_acknowledge()) != GIC_SPURIOUS_INTID) {
		gicv3_end_of_interrupt(intid);
		gicv3_deactivate(intid);
	}
}

void handle_guest_unexpected(struct trap_frame *f, unsigned kind)
{
	static const char *const kinds[] = { "synchronous (AArch32)", "IRQ", "FIQ", "SError" };

	log_warn("unexpected %s exception from the guest at pc 0x%lx ignored", kinds[kind & 3],
		 (unsigned long)f->elr);
}
