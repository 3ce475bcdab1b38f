/* A CPU without a running vCPU idles until the hypervisor kicks it. Only the
 * kick may wake it: an interrupt of a zone routed here while its vCPU is
 * off stays pending in the distributor, as it would for a sleeping CPU, and
 * is taken once the vCPU runs. Taken here it would be lost, and a
 * level-triggered one would come back at once and keep the CPU away from
 * its power-on check for good. */
#include <asm/gicv3.h>
#include <asm/idle.h>
#include <asm/sysreg.h>

#include "arch.h"

/* Everything else keeps gicv3.c's default priority, 0xa0. The GIC
 * implements at least the top four priority bits, so a mask of 0x90 lets
 * the kick through and holds back the rest. */
#define KICK_PRIORITY      0x80u
#define IDLE_PRIORITY_MASK 0x90u
#define NO_PRIORITY_MASK   0xffu

void idle_cpu_init(unsigned cpu)
{
	uintptr_t reg = gicv3_redistributor(cpu) + GICR_SGI_OFFSET + GICR_IPRIORITYR +
			SGI_KICK / 4 * 4;
	unsigned shift = SGI_KICK % 4 * 8;

	gic_write32(reg, (gic_read32(reg) & ~(0xffu << shift)) | KICK_PRIORITY << shift);
}

/* WFI wakes on a signalled interrupt even with interrupts masked at EL2; the
 * kick is then acknowledged here by hand. One wake-up, one return: the
 * caller rechecks what the kick was for. */
void arch_cpu_idle(void)
{
	uint32_t intid;

	write_sysreg(ICC_PMR_EL1, IDLE_PRIORITY_MASK);
	isb();
	wfi();
	intid = gicv3_acknowledge();
	if (intid != GIC_SPURIOUS_INTID) {
		gicv3_end_of_interrupt(intid);
		gicv3_deactivate(intid);
	}
	write_sysreg(ICC_PMR_EL1, NO_PRIORITY_MASK);
	isb();
}
