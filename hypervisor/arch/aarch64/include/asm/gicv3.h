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
/* The virtual CPU interface's maintenance interrupt (a PPI). */
#define INTID_MAINTENANCE 25

#define GICD_CTLR          0x0000
#define GICD_TYPER         0x0004
#define GICD_IIDR          0x0008
#define GICD_TYPER2        0x000c
#define GICD_IGROUPR       0x0080
#define GICD_ISENABLER     0x0100
#define GICD_ICENABLER     0x0180
#define GICD_ISPENDR       0x0200
#define GICD_ICPENDR       0x0280
#define GICD_ISACTIVER     0x0300
#define GICD_ICACTIVER     0x0380
#define GICD_IPRIORITYR    0x0400
#define GICD_ICFGR         0x0c00
#define GICD_IROUTER       0x6000
#define GICD_ID_REGS       0xffd0

#define GICR_CTLR          0x0000
#define GICR_IIDR          0x0004
#define GICR_TYPER         0x0008
#define GICR_WAKER         0x0014
#define GICR_ID_REGS       0xffd0
#define GICR_SGI_OFFSET    0x10000
#define GICR_IGROUPR0      0x0080
#define GICR_ISENABLER0    0x0100
#define GICR_ICENABLER0    0x0180
#define GICR_ISPENDR0      0x0200
#define GICR_ICPENDR0      0x0280
#define GICR_ISACTIVER0    0x0300
#define GICR_ICACTIVER0    0x0380
#define GICR_IPRIORITYR    0x0400
#define GICR_ICFGR0        0x0c00
#define GICR_ICFGR1        0x0c04

#define GICR_TYPER_LAST    (1ULL << 4)
#define GICR_WAKER_PROCESSOR_SLEEP (1u << 1)
#define GICR_WAKER_CHILDREN_ASLEEP (1u << 2)

static inline uint32_t gic_read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void gic_write32(uintptr_t addr, uint32_t value)
{
	*(volatile uint32_t *)addr = value;
}

static inline uint64_t gic_read64(uintptr_t addr)
{
	return *(volatile uint64_t *)addr;
}

static inline void gic_write64(uintptr_t addr, uint64_t value)
{
	*(volatile uint64_t *)addr = value;
}

void gicv3_distributor_init(void);
/* The redistributor frame (RD_base) of a CPU. */
uintptr_t gicv3_redistributor(unsigned cpu);
uint32_t gicv3_distributor_typer(void);
uint64_t gicv3_redistributor_typer(unsigned cpu);
void gicv3_cpu_init(unsigned cpu);
void gicv3_send_sgi(unsigned cpu, unsigned intid);
/* Acknowledges one pending interrupt: its INTID, or GIC_SPURIOUS_INTID. */
uint32_t gicv3_acknowledge(void);
/* Priority drop only (EOImode 1); deactivation is separate. */
void gicv3_end_of_interrupt(uint32_t intid);
void gicv3_deactivate(uint32_t intid);

#endif
