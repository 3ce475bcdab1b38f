/* Each zone's virtual PLIC, and the physical PLIC behind it: what the
 * riscv64 CPU side (traps, zones, vCPU entry) calls. */
#ifndef ASM_VPLIC_H
#define ASM_VPLIC_H

#include <stdbool.h>
#include <stdint.h>

struct vcpu;
struct zone;

/* Once, on the boot hart before the others start: every source's priority
 * 1 (the vPLIC orders a zone's interrupts; the physical PLIC only routes
 * them), disabled on every hart's S context. */
void plic_init(void);
/* On every hart, before it runs a zone: its S context's threshold 0. */
void plic_cpu_init(unsigned cpu);
/* A supervisor external interrupt (scause interrupt 9): each source claimed
 * on this hart's S context becomes pending in the vPLIC of the running zone
 * that owns it, and stays claimed physically until that zone completes it. */
void plic_handle_irq(void);

/* arch_zone_init: the zone's PLIC window (arch_config.plic_base/plic_size)
 * trapped and emulated. 0 or -errno. */
int vplic_zone_init(struct zone *zone);
/* arch_zone_reset: the zone's vPLIC at reset values, its sources forgotten
 * by the zone that had them, disabled and completed in the physical PLIC. */
void vplic_zone_reset(struct zone *zone);
/* Whether the vCPU's S context has an interrupt to take: hvip.VSEIP before
 * each return to the guest. A change for another hart kicks its CPU. */
bool vplic_vcpu_pending(const struct vcpu *vcpu);
/* arch_interrupt_raise: `source` signals, as if its device had, in the
 * running zone that owns it. */
void vplic_raise(uint32_t source);

#endif
