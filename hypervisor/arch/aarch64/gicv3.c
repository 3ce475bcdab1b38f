/* Physical GICv3: distributor and redistributor set-up, SGIs, acknowledge. */
#include <asm/gicv3.h>
#include <asm/sysreg.h>
#include <asm/vgic_state.h>

#include "arch.h"
#include "log.h"
#include "platform.h"

#define GICD_CTLR_RWP      (1u << 31)
#define GICD_CTLR_ARE      (1u << 4)
#define GICD_CTLR_ENABLE_G1 (1u << 1)
#define GICD_CTLR_ENABLE_G0 (1u << 0)

#define DEFAULT_PRIORITY   0xa0

#define ICC_SRE_SRE        (1u << 0)
#define ICC_SRE_ENABLE     (1u << 3)
#define ICC_CTLR_EOIMODE   (1u << 1)

static uintptr_t redistributors[MAX_CPUS];
/* Read once at set-up: they never change, and under emulation every read of
 * a GIC register is costly. */
static uint32_t distributor_typer;
static uint64_t redistributor_typers[MAX_CPUS];

uintptr_t gicv3_redistributor(unsigned cpu)
{
	return redistributors[cpu];
}

static void wait_distributor_writes(void)
{
	while (gic_read32(platform_gic.gicd_base + GICD_CTLR) & GICD_CTLR_RWP)
		;
}

static unsigned spi_lines(void)
{
	return 32 * ((distributor_typer & 0x1f) + 1);
}

uint32_t gicv3_distributor_typer(void)
{
	return distributor_typer;
}

uint64_t gicv3_redistributor_typer(unsigned cpu)
{
	return redistributor_typers[cpu];
}

void gicv3_distributor_init(void)
{
	uintptr_t d = platform_gic.gicd_base;
	unsigned lines;

	distributor_typer = gic_read32(d + GICD_TYPER);
	lines = spi_lines();

	gic_write32(d + GICD_CTLR, 0);
	wait_distributor_writes();
	for (unsigned intid = GIC_FIRST_SPI; intid < lines; intid += 32) {
		gic_write32(d + GICD_IGROUPR + intid / 8, ~0u);
		gic_write32(d + GICD_ICENABLER + intid / 8, ~0u);
		gic_write32(d + GICD_ICPENDR + intid / 8, ~0u);
		gic_write32(d + GICD_ICACTIVER + intid / 8, ~0u);
	}
	for (unsigned intid = GIC_FIRST_SPI; intid < lines; intid += 4)
		gic_write32(d + GICD_IPRIORITYR + intid, DEFAULT_PRIORITY * 0x01010101u);
	gic_write32(d + GICD_CTLR, GICD_CTLR_ARE);
	wait_distributor_writes();
	gic_write32(d + GICD_CTLR, GICD_CTLR_ARE | GICD_CTLR_ENABLE_G1 | GICD_CTLR_ENABLE_G0);
	wait_distributor_writes();
}

/* Redistributor frames are matched by affinity, not assumed in CPU order. */
static uintptr_t find_redistributor(uint64_t mpidr)
{
	uint64_t affinity = (mpidr & 0xffffff) | ((mpidr >> 32) & 0xff) << 24;

	for (uintptr_t frame = platform_gic.gicr_base;; frame += platform_gic.gicr_stride) {
		uint64_t typer = gic_read64(frame + GICR_TYPER);
		if ((typer >> 32) == affinity)
			return frame;
		if (typer & GICR_TYPER_LAST)
			return 0;
	}
}

void gicv3_cpu_init(unsigned cpu)
{
	uintptr_t rd = find_redistributor(platform.cpu_hw_ids[cpu]);

	if (!rd)
		panic("no GIC redistributor for CPU %u", cpu);
	redistributors[cpu] = rd;
	redistributor_typers[cpu] = gic_read64(rd + GICR_TYPER);
	gic_write32(rd + GICR_WAKER,
		     gic_read32(rd + GICR_WAKER) & ~GICR_WAKER_PROCESSOR_SLEEP);
	while (gic_read32(rd + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP)
		;

	uintptr_t sgi = rd + GICR_SGI_OFFSET;
	gic_write32(sgi + GICR_IGROUPR0, ~0u);
	gic_write32(sgi + GICR_ICENABLER0, ~0u);
	for (unsigned intid = 0; intid < 32; intid += 4)
		gic_write32(sgi + GICR_IPRIORITYR + intid, DEFAULT_PRIORITY * 0x01010101u);
	gic_write32(sgi + GICR_ISENABLER0, 1u << SGI_KICK | 1u << INTID_MAINTENANCE);

	write_sysreg(ICC_SRE_EL2, read_sysreg(ICC_SRE_EL2) | ICC_SRE_SRE | ICC_SRE_ENABLE);
	isb();
	write_sysreg(ICC_PMR_EL1, 0xff);
	write_sysreg(ICC_CTLR_EL1, ICC_CTLR_EOIMODE);
	write_sysreg(ICC_IGRPEN1_EL1, 1);
	isb();
}

/* The target list holds 16 Aff0 values; the range selector picks which 16.
 * MPIDRs come from the device tree, so Aff0 may be any of its 256 values. */
void gicv3_send_sgi(unsigned cpu, unsigned intid)
{
	uint64_t mpidr = platform.cpu_hw_ids[cpu];
	uint64_t aff0 = mpidr & 0xff;
	uint64_t value = ((mpidr >> 32) & 0xff) << 48 | (aff0 / 16) << 44 |
			 ((mpidr >> 16) & 0xff) << 32 | (uint64_t)intid << 24 |
			 ((mpidr >> 8) & 0xff) << 16 | (1ULL << (aff0 % 16));

	dsb(ishst);
	write_sysreg(ICC_SGI1R_EL1, value);
	isb();
}

uint32_t gicv3_acknowledge(void)
{
	uint32_t intid = (uint32_t)read_sysreg(ICC_IAR1_EL1) & 0xffffff;

	dsb(sy);
	return intid;
}

void gicv3_end_of_interrupt(uint32_t intid)
{
	write_sysreg(ICC_EOIR1_EL1, intid);
	isb();
}

void gicv3_deactivate(uint32_t intid)
{
	write_sysreg(ICC_DIR_EL1, intid);
	isb();
}

/* The distributor delivers it like a device's: to the CPU the owning zone
 * routed it to, once the zone has enabled it. */
void arch_interrupt_raise(uint32_t intid)
{
	if (intid >= VGIC_FIRST_SPI && intid < spi_lines())
		gic_write32(platform_gic.gicd_base + GICD_ISPENDR + (intid / 32) * 4,
			    1u << (intid % 32));
}
