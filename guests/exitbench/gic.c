#include "gic.h"
#include "mmio.h"

#define GICD_CTLR              (GICD_BASE + 0x0000)
#define GICD_CTLR_ENABLE_GRP1  (1u << 1)
#define GICD_CTLR_ARE          (1u << 4)

#define GICR_WAKER                 0x0014
#define GICR_WAKER_PROCESSOR_SLEEP (1u << 1)
#define GICR_WAKER_CHILDREN_ASLEEP (1u << 2)
#define GICR_SGI_BASE              0x10000
#define GICR_IGROUPR0              (GICR_SGI_BASE + 0x0080)
#define GICR_ISENABLER0            (GICR_SGI_BASE + 0x0100)
#define GICR_IPRIORITYR            (GICR_SGI_BASE + 0x0400)

#define USED_INTIDS ((1u << SGI_PING) | (1u << SGI_PONG) | (1u << SGI_SELF) | (1u << PPI_VIRT_TIMER))
#define PRIORITY    0x80u

unsigned own_cpu(void)
{
	uint64_t mpidr;

	__asm__ volatile("mrs %0, mpidr_el1" : "=r"(mpidr));
	return (unsigned)(mpidr & 0xff);
}

uintptr_t own_redistributor(void)
{
	return GICR_BASE + own_cpu() * GICR_FRAME_SIZE;
}

/* Natively nothing has set the GIC up before us. Under tessera ARE and the
 * groups are fixed and these writes change nothing but the enables. */
void gic_init_distributor(void)
{
	mmio_write32(GICD_CTLR, mmio_read32(GICD_CTLR) | GICD_CTLR_ARE | GICD_CTLR_ENABLE_GRP1);
}

static void set_priority(uintptr_t frame, uint32_t intid)
{
	/* A single byte store: the registers are byte-accessible. */
	__asm__ volatile("strb %w0, [%1]"
			 : : "r"(PRIORITY), "r"(frame + GICR_IPRIORITYR + intid) : "memory");
}

void gic_init_this_cpu(void)
{
	uintptr_t frame = own_redistributor();

	mmio_write32(frame + GICR_WAKER,
		     mmio_read32(frame + GICR_WAKER) & ~GICR_WAKER_PROCESSOR_SLEEP);
	while (mmio_read32(frame + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP)
		;
	/* Out of reset QEMU's SGIs and PPIs are Group 0, which is FIQ. */
	mmio_write32(frame + GICR_IGROUPR0, 0xffffffffu);
	for (uint32_t intid = 0; intid < 32; intid++)
		if (USED_INTIDS & (1u << intid))
			set_priority(frame, intid);
	mmio_write32(frame + GICR_ISENABLER0, USED_INTIDS);

	__asm__ volatile("msr S3_0_C4_C6_0, %0" : : "r"(0xffUL));   /* ICC_PMR_EL1 */
	__asm__ volatile("msr S3_0_C12_C12_7, %0" : : "r"(1UL));    /* ICC_IGRPEN1_EL1 */
	__asm__ volatile("isb");
}

/* Both CPUs have Aff1-3 = 0, so the target list alone names one. */
void sgi_send(unsigned cpu, uint32_t intid)
{
	uint64_t value = (uint64_t)intid << 24 | 1u << cpu;

	__asm__ volatile("msr S3_0_C12_C11_5, %0\n\tisb" : : "r"(value) : "memory"); /* ICC_SGI1R_EL1 */
}
