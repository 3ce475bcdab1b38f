/* Interrupts of HS mode taken while a guest runs: the hypervisor's kick
 * (an SBI IPI: supervisor software interrupt) and the PLIC's (supervisor
 * external). The guest's own interrupts are VS-level and delegated. */
#include <asm/csr.h>
#include <asm/exits.h>
#include <asm/vplic.h>

#include "exit_stats.h"
#include "log.h"
#include "vcpu.h"
#include "zone.h"

/* The kick's purpose is found by the exit's end (vcpu_exit_done,
 * vcpu_sync): a vCPU to stop, an IPI to deliver, a vPLIC line changed. */
unsigned handle_guest_interrupt(struct vcpu *vcpu, uint64_t irq)
{
	switch (irq) {
	case IRQ_S_SOFT:
		csr_clear(CSR_SIP, 1UL << IRQ_S_SOFT);
		return EXIT_IRQ_KICK;
	case IRQ_S_EXT:
		plic_handle_irq();
		return EXIT_IRQ_DEVICE;
	default:
		log_guest_warn(vcpu->zone, "zone %u vcpu %u: unexpected interrupt %lu ignored",
			       vcpu->zone->id, vcpu->index, (unsigned long)irq);
		csr_clear(CSR_SIE, 1UL << irq);
		return EXIT_IRQ_OTHER;
	}
}
