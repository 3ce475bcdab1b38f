/* A hart without a running vCPU idles until the hypervisor kicks it. Only
 * the kick may wake it: a PLIC interrupt of a zone routed here while its
 * vCPU is off stays pending, as it would for a sleeping hart, and is taken
 * once the vCPU runs; taken here it would be lost, and a level-triggered
 * one would come back at once and keep the hart away from its power-on
 * check for good. */
#include <asm/csr.h>

#include "arch.h"

#define KICK (1UL << IRQ_S_SOFT)

/* WFI wakes on a pending interrupt enabled in sie even with sstatus.SIE
 * clear, as it always is in HS mode; the kick is then cleared by hand. One
 * wake-up, one return: the caller rechecks what the kick was for. */
void arch_cpu_idle(void)
{
	uint64_t enabled = csr_swap(CSR_SIE, KICK);

	__asm__ volatile("wfi" : : : "memory");
	csr_clear(CSR_SIP, KICK);
	csr_write(CSR_SIE, enabled);
}
