/* The virtual GICv3: which zone may touch which interrupt, and delivery of
 * interrupts to vCPUs through the list registers. */
#ifndef ASM_VGIC_H
#define ASM_VGIC_H

#include <stdint.h>

#include <asm/gicv3.h>
#include <asm/vgic_state.h>

#include "mmio.h"

struct vcpu;
struct zone;

#define INTID_HYP_TIMER     26
#define INTID_VIRT_TIMER    27
#define INTID_PHYS_TIMER    30

/* PPIs a zone's vCPUs receive; the maintenance interrupt and the EL2 timer
 * stay with the hypervisor. */
#define VGIC_GUEST_PPIS     (0xffff0000u & ~(1u << INTID_MAINTENANCE) & ~(1u << INTID_HYP_TIMER))

/* The virtual GICD_CTLR as a zone sees it (GICD_CTLR.DS is 1). Every
 * interrupt of a zone is Group 1, so EnableGrp0 gates none of them. */
#define VGIC_CTLR_ENABLE_GRP1 (1u << 1)

struct vgic_cpu {
	struct vgic_queue queue;
	/* SPIs taken while the zone's distributor was disabled: active in the
	 * physical GIC until delivered, and not in `queue`, whose entries ask
	 * for a maintenance interrupt. */
	struct vgic_queue held;
	/* SGIs pending while disabled in GICR_ISENABLER0: the enable gates
	 * their forwarding to `queue`, not their pending state. */
	uint32_t sgi_held;
	uint32_t sgi_enabled;
	uint8_t priority[VGIC_FIRST_SPI];   /* SGIs and PPIs, as the guest set them */
	uint32_t waker;
	bool timer_in_lr;
	bool underflow_interrupt;   /* ICH_HCR_EL2.UIE as last written */
};

struct vgic_dist {
	uint32_t ctlr;
	uint8_t priority[VGIC_MAX_INTID];   /* SPIs, as the guest set them */
};

extern struct vgic_cpu vgic_cpus[];
extern struct vgic_dist vgic_dists[];

int vgic_zone_init(struct zone *zone);
void vgic_zone_reset(struct zone *zone);
void vgic_vcpu_reset(struct vcpu *vcpu);
/* On the vCPU's CPU as it powers off: its interrupts leave the list
 * registers and its PPIs are disabled, so none keeps the idle CPU busy. */
void vgic_vcpu_stop(struct vcpu *vcpu);
/* A physical interrupt for this CPU's vCPU, already acknowledged and
 * priority-dropped; the guest's EOI deactivates it. The exit's closing
 * vgic_sync puts it in a list register. */
void vgic_inject_hw(struct vcpu *vcpu, uint32_t intid);
/* After the zone's distributor is enabled by `writer`: each vCPU of the zone
 * delivers the SPIs it held, `writer` on its way back to the guest, the
 * others once kicked. */
void vgic_release_held_spis(struct vcpu *writer);
/* Emulates a write of ICC_SGI1R_EL1. */
void vgic_send_sgis(struct vcpu *sender, uint64_t sgi1r);

/* The SGI state of the vCPU on `cpu` as `writer` changes it through that
 * vCPU's redistributor frame (bits 0-15 of GICR_ISENABLER0 .. ICACTIVER0).
 * List registers belong to their CPU: from another vCPU's frame, pending is
 * set and cleared, and disabling holds pending SGIs back, in the queue and
 * the held SGIs only (an SGI already in a list register stays there), and
 * active writes are ignored. Setting an SGI active that is in no list
 * register takes a free one; with none free the write is ignored. */
uint32_t vgic_sgis_enabled(unsigned cpu);
void vgic_sgis_enable(const struct vcpu *writer, unsigned cpu, uint32_t sgis);
void vgic_sgis_disable(const struct vcpu *writer, unsigned cpu, uint32_t sgis);
void vgic_sgis_set_pending(const struct vcpu *writer, unsigned cpu, uint32_t sgis);
void vgic_sgis_clear_pending(const struct vcpu *writer, unsigned cpu, uint32_t sgis);
void vgic_sgis_set_active(const struct vcpu *writer, unsigned cpu, uint32_t sgis);
void vgic_sgis_clear_active(const struct vcpu *writer, unsigned cpu, uint32_t sgis);

/* The pending and active state `reader` sees of 32 INTIDs from `first`:
 * the SGIs and PPIs of the vCPU on `cpu` when `first` is 0, SPIs otherwise;
 * `physical` holds the physical GIC's state of those the zone receives.
 * The reader's own list registers are read; another vCPU's are not: there a
 * PPI or SPI active in the physical GIC and neither queued nor held reads as
 * active, whether or not that vCPU has acknowledged it yet (so a guest that
 * waits for its interrupt to be inactive never stops waiting too early), and
 * an SGI in that vCPU's list registers reads as neither pending nor active. */
struct vgic_bits vgic_guest_state(const struct vcpu *reader, unsigned cpu, uint32_t first,
				  struct vgic_bits physical);

/* Before returning to the guest: refills list registers from the queue and
 * drops timer interrupts whose level has gone. */
void vgic_sync(struct vcpu *vcpu);
bool vgic_guest_receives(const struct vcpu *vcpu, uint32_t intid);

bool vgicd_access(struct vcpu *vcpu, struct mmio_access *access, void *opaque);
bool vgicr_access(struct vcpu *vcpu, struct mmio_access *access, void *opaque);

#endif
