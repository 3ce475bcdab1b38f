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
	uint32_t sgi_enabled;
	uint8_t priority[VGIC_FIRST_SPI];   /* SGIs and PPIs, as the guest set them */
	uint32_t waker;
	bool timer_in_lr;
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
 * priority-dropped; the guest's EOI deactivates it. */
void vgic_inject_hw(struct vcpu *vcpu, uint32_t intid);
/* After the zone's distributor is enabled by `writer`: each vCPU of the zone
 * delivers the SPIs it held, `writer` on its way back to the guest, the
 * others once kicked. */
void vgic_release_held_spis(struct vcpu *writer);
/* Emulates a write of ICC_SGI1R_EL1. */
void vgic_send_sgis(struct vcpu *sender, uint64_t sgi1r);
/* Before returning to the guest: refills list registers from the queue and
 * drops timer interrupts whose level has gone. */
void vgic_sync(struct vcpu *vcpu);
bool vgic_guest_receives(const struct vcpu *vcpu, uint32_t intid);

bool vgicd_access(struct vcpu *vcpu, struct mmio_access *access, void *opaque);
bool vgicr_access(struct vcpu *vcpu, struct mmio_access *access, void *opaque);

#endif
