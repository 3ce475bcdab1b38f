/* The physical GICv3 as the hypervisor drives it. */
#ifndef ASM_GICV3_H
#define ASM_GICV3_H

#include <stdbool.h>
#include <stdint.h>

struct gicv3_platform {
	uintptr_t gicd_base;
	uintptr_t gicr_base;
	uint64_t gicr_stride;
};

extern const struct gicv3_platform platform_gic;

#define GIC_SPURIOUS_INTID 1023
#define GIC_FIRST_SPI 32

/* SGIs the hypervisor keeps for itself (guests get virtual SGIs). */
#define SGI_KICK 0

void gicv3_distributor_init(void);
void gicv3_cpu_init(unsigned cpu);
void gicv3_send_sgi(unsigned cpu, unsigned intid);
/* Acknowledges one pending interrupt: its INTID, or GIC_SPURIOUS_INTID. */
uint32_t gicv3_acknowledge(void);
/* Priority drop only (EOImode 1); deactivation is separate. */
void gicv3_end_of_interrupt(uint32_t intid);
void gicv3_deactivate(uint32_t intid);

#endif
