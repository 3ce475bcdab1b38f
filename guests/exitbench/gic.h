/* The GICv3 as exitbench uses it: the same code drives QEMU's GIC natively
 * and tessera's virtual one, so only architected registers appear here. */
#ifndef EXITBENCH_GIC_H
#define EXITBENCH_GIC_H

#include <stdint.h>

#define GICD_BASE        0x08000000UL
#define GICD_TYPER       (GICD_BASE + 0x0004)

/* One 0x20000 frame per CPU: RD_base, then SGI_base at +0x10000. */
#define GICR_BASE        0x080a0000UL
#define GICR_FRAME_SIZE  0x20000UL
#define GICR_TYPER       0x0008

#define SGI_PING         1u /* vCPU 0 -> vCPU 1 */
#define SGI_PONG         2u /* vCPU 1 -> vCPU 0 */
#define SGI_SELF         3u /* vCPU 0 -> itself, for the EOI row */
#define PPI_VIRT_TIMER   27u
#define INTID_SPURIOUS   1023u

unsigned own_cpu(void);
uintptr_t own_redistributor(void);

/* Enables the distributor (once, from vCPU 0), then this CPU's
 * redistributor and CPU interface for the SGIs above and the virtual timer. */
void gic_init_distributor(void);
void gic_init_this_cpu(void);

void sgi_send(unsigned cpu, uint32_t intid);

static inline uint32_t icc_acknowledge(void)
{
	uint64_t intid;

	__asm__ volatile("mrs %0, S3_0_C12_C12_0" : "=r"(intid) : : "memory"); /* ICC_IAR1_EL1 */
	return (uint32_t)intid & 0xffffff;
}

static inline void icc_end_of_interrupt(uint32_t intid)
{
	__asm__ volatile("msr S3_0_C12_C12_1, %0" : : "r"((uint64_t)intid) : "memory"); /* ICC_EOIR1_EL1 */
}

static inline void irqs_unmask(void)
{
	__asm__ volatile("msr daifclr, #2" : : : "memory");
}

static inline void irqs_mask(void)
{
	__asm__ volatile("msr daifset, #2" : : : "memory");
}

#endif
