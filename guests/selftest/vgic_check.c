/* Checks of the virtual GIC's edges: accesses of a size or alignment the
 * registers do not support, writes at the end of a priority array, and
 * delivery of an SPI only while the guest's distributor is enabled. */
#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "counter.h"
#include "exception.h"
#include "exception_check.h"
#include "icc.h"
#include "vgic_check.h"

#define GICD_BASE        0x08000000UL
#define GICD_CTLR        (GICD_BASE + 0x0000)
#define GICD_ISENABLER1  (GICD_BASE + 0x0104)
#define GICD_ICENABLER1  (GICD_BASE + 0x0184)
#define GICD_ISPENDR1    (GICD_BASE + 0x0204)
#define GICD_ICPENDR1    (GICD_BASE + 0x0284)
#define GICD_IPRIORITYR  (GICD_BASE + 0x0400)
#define GICD_IROUTER(n)  (GICD_BASE + 0x6000 + 8 * (uintptr_t)(n))
#define GICD_PIDR2       (GICD_BASE + 0xffe8)

#define CTLR_ENABLE_GRP1 (1u << 1)

/* The redistributor frame of CPU 0, the selftest's only CPU. */
#define GICR_BASE        0x080a0000UL
#define GICR_WAKER       (GICR_BASE + 0x0014)
#define GICR_PIDR2       (GICR_BASE + 0xffe8)
#define GICR_IPRIORITYR  (GICR_BASE + 0x10400)
#define GICR_PRIORITIES  32

/* zone0 owns INTIDs 48-79 (virtio-mmio), with no device behind them. */
#define TEST_SPI         48
#define TEST_SPI_BIT     (1u << (TEST_SPI - 32))

/* Single plain loads and stores: a trapped access with base-register
 * writeback carries no syndrome, so the hypervisor could not emulate it. */
static inline uint8_t mmio_read8(uintptr_t addr)
{
	uint32_t value;

	__asm__ volatile("ldrb %w0, [%1]" : "=r"(value) : "r"(addr) : "memory");
	return (uint8_t)value;
}

static inline void mmio_write8(uintptr_t addr, uint8_t value)
{
	__asm__ volatile("strb %w0, [%1]" : : "r"((uint32_t)value), "r"(addr) : "memory");
}

static void check_write64_aborts(const char *what, uintptr_t addr, uint64_t value)
{
	exception_clear();
	probe_write64(addr, value);
	if (!sync_taken)
		check_fail(what, "no exception, the write of 0x%lx went through", value);
	else if (ESR_EC(sync_esr) != ESR_EC_DABT_CUR || ESR_DFSC(sync_esr) != ESR_DFSC_SYNC_EXT)
		check_fail(what, "ESR 0x%lx, want a synchronous external abort", sync_esr);
	else
		check_pass(what);
}

static void read_priorities(uintptr_t base, uint8_t *out, unsigned count)
{
	for (unsigned i = 0; i < count; i++)
		out[i] = mmio_read8(base + i);
}

/* Distinct values, so a byte landing in the wrong place shows. */
static void fill_priorities(uintptr_t base, unsigned count)
{
	for (unsigned i = 0; i < count; i++)
		mmio_write8(base + i, (uint8_t)(0x80 + 8 * i));
}

static void check_priorities_kept(const char *what, const uint8_t *before, uintptr_t base,
				  unsigned count)
{
	uint8_t after[GICR_PRIORITIES];

	read_priorities(base, after, count);
	for (unsigned i = 0; i < count; i++)
		if (after[i] != before[i]) {
			check_fail(what, "priority byte %u changed from 0x%x to 0x%x", i, before[i],
				   after[i]);
			return;
		}
	check_pass(what);
}

static void check_unaligned_accesses_abort(void)
{
	check_read_aborts("unaligned read of GICD_ISENABLER1 aborts", GICD_ISENABLER1 + 1);
	check_read_aborts("unaligned read of GICD_PIDR2 aborts", GICD_PIDR2 + 2);
	check_read_aborts("unaligned read of GICR_PIDR2 aborts", GICR_PIDR2 + 1);
	check_write_aborts("unaligned write of GICR_WAKER aborts", GICR_WAKER + 2, 0);
}

/* The last eight bytes of the SGI/PPI priorities, 4-byte aligned: the upper
 * half lies past the array, where the vCPU's GICR_WAKER is kept. */
static void check_gicr_priority_tail_write(void)
{
	const char *what = "8-byte write at the end of GICR_IPRIORITYR leaves GICR_WAKER alone";
	uint8_t before[GICR_PRIORITIES];
	uint32_t waker = probe_read32(GICR_WAKER);

	fill_priorities(GICR_IPRIORITYR, GICR_PRIORITIES);
	read_priorities(GICR_IPRIORITYR, before, GICR_PRIORITIES);
	check_write64_aborts("misaligned 8-byte write to GICR_IPRIORITYR7 aborts",
			     GICR_IPRIORITYR + GICR_PRIORITIES - 4, 0x1122334455667788ULL);
	if (probe_read32(GICR_WAKER) != waker)
		check_fail(what, "GICR_WAKER changed from 0x%x to 0x%x", waker,
			   probe_read32(GICR_WAKER));
	else
		check_pass(what);
	check_priorities_kept("misaligned 8-byte write leaves the SGI/PPI priorities alone",
			      before, GICR_IPRIORITYR, GICR_PRIORITIES);

	exception_clear();
	probe_write64(GICR_IPRIORITYR + GICR_PRIORITIES - 8, 0x1122334455667788ULL);
	if (!failed_with_exception("8-byte write to GICR_IPRIORITYR is ignored"))
		check_priorities_kept("8-byte write to GICR_IPRIORITYR is ignored", before,
				      GICR_IPRIORITYR, GICR_PRIORITIES);
}

static void check_gicd_priority_wide_write(void)
{
	const char *what = "8-byte write to GICD_IPRIORITYR is ignored";
	uintptr_t base = GICD_IPRIORITYR + TEST_SPI;
	uint8_t before[8];

	fill_priorities(base, 8);
	read_priorities(base, before, 8);
	exception_clear();
	probe_write64(base, 0x1122334455667788ULL);
	if (!failed_with_exception(what))
		check_priorities_kept(what, before, base, 8);
}

static void check_disabled_distributor_holds_spis(void)
{
	const char *held = "SPI stays pending while GICD_CTLR.EnableGrp1 is 0";
	const char *taken = "held SPI is taken once GICD_CTLR.EnableGrp1 is 1";
	uint32_t intid;

	write_icc_pmr(0xff);
	write_icc_igrpen1(1);
	probe_write32(GICD_CTLR, 0);
	mmio_write8(GICD_IPRIORITYR + TEST_SPI, 0x80);
	probe_write64(GICD_IROUTER(TEST_SPI), 0);
	probe_write32(GICD_ISENABLER1, TEST_SPI_BIT);
	probe_write32(GICD_ISPENDR1, TEST_SPI_BIT);

	intid = icc_poll_interrupt(ICC_NOT_TAKEN_MS);
	if (intid == ICC_SPURIOUS_INTID) {
		check_pass(held);
	} else {
		check_fail(held, "INTID %u was signalled", intid);
		write_icc_eoir1(intid);
	}

	probe_write32(GICD_CTLR, CTLR_ENABLE_GRP1);
	intid = icc_poll_interrupt(EXPECTED_WAIT_MS);
	if (intid == TEST_SPI)
		check_pass(taken);
	else
		check_fail(taken, "signalled INTID %u, want %u", intid, TEST_SPI);
	if (intid != ICC_SPURIOUS_INTID)
		write_icc_eoir1(intid);

	probe_write32(GICD_ICENABLER1, TEST_SPI_BIT);
	probe_write32(GICD_ICPENDR1, TEST_SPI_BIT);
	write_icc_igrpen1(0);
}

void check_vgic(void)
{
	check_unaligned_accesses_abort();
	check_gicr_priority_tail_write();
	check_gicd_priority_wide_write();
	check_disabled_distributor_holds_spis();
}
