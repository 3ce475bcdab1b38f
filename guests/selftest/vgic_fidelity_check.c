/* The pending and active state a guest reads and writes must be the one the
 * GICv3 architecture (Arm IHI 0069) gives it, on zone0's two vCPUs:
 * - an SGI sent while disabled in GICR_ISENABLER0, or disabled while
 *   pending, stays pending and is taken once enabled;
 * - GICR_ISPENDR0/ICPENDR0/ISACTIVER0/ICACTIVER0 set and clear the state of
 *   the vCPU's own SGIs;
 * - a hardware-linked interrupt (an SPI, the virtual timer PPI) is pending
 *   while it waits for the guest, active once acknowledged, neither after
 *   EOI, although EL2 acknowledged it in the physical GIC before the guest
 *   saw it.
 * Interrupts stay masked: the guest takes them by polling ICC_IAR1_EL1. */
#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "counter.h"
#include "icc.h"
#include "mmio.h"
#include "secondary.h"
#include "smccc.h"
#include "vgic_fidelity_check.h"

#define GICD_BASE          0x08000000UL
#define GICD_CTLR          GICD_BASE
#define GICD_CTLR_ENABLE_GRP1 (1u << 1)
#define GICD_ISENABLER1    (GICD_BASE + 0x0104)
#define GICD_ICENABLER1    (GICD_BASE + 0x0184)
#define GICD_ISPENDR1      (GICD_BASE + 0x0204)
#define GICD_ICPENDR1      (GICD_BASE + 0x0284)
#define GICD_ISACTIVER1    (GICD_BASE + 0x0304)
#define GICD_IPRIORITYR(n) (GICD_BASE + 0x0400 + (uintptr_t)(n))
#define GICD_IROUTER(n)    (GICD_BASE + 0x6000 + 8 * (uintptr_t)(n))

/* The SGI/PPI page of a vCPU's redistributor frame. */
#define GICR_SGI_PAGE(cpu) (0x080a0000UL + 0x20000UL * (cpu) + 0x10000UL)
#define GICR_ISENABLER0    0x0100
#define GICR_ICENABLER0    0x0180
#define GICR_ISPENDR0      0x0200
#define GICR_ICPENDR0      0x0280
#define GICR_ISACTIVER0    0x0300
#define GICR_ICACTIVER0    0x0380
#define GICR_IPRIORITYR    0x0400

#define SGI_WHILE_DISABLED 5u
#define SGI_OWN            6u
#define SGI_ACTIVE_ONLY    7u
#define SGI_DISABLED_LATE  8u
/* zone0 owns INTIDs 48-79 (virtio-mmio), with no device behind them. */
#define TEST_SPI           48u
#define TEST_SPI_BIT       (1u << (TEST_SPI % 32))
#define VIRT_TIMER_PPI     27u

#define CNTV_CTL_ENABLE    1UL
#define CNTV_CTL_IMASK     2UL

#define SECOND_VCPU        1u
#define PRIORITY           0x80

/* ICC_SGI1R_EL1 with Aff3-1 = 0: the vCPUs of zone0 are 0 and 1. */
static inline void send_sgi(uint32_t intid, uint32_t target_cpu)
{
	uint64_t sgi1r = (uint64_t)intid << 24 | 1u << target_cpu;

	__asm__ volatile("msr S3_0_C12_C11_5, %0\n\tisb" : : "r"(sgi1r) : "memory");
}

static inline void write_cntv_ctl(uint64_t value)
{
	__asm__ volatile("msr cntv_ctl_el0, %0\n\tisb" : : "r"(value) : "memory");
}

static inline void write_cntv_tval(uint64_t value)
{
	__asm__ volatile("msr cntv_tval_el0, %0\n\tisb" : : "r"(value) : "memory");
}

static void enable_cpu_interface(void)
{
	write_icc_pmr(0xff);
	write_icc_igrpen1(1);
}

static bool bit_set(uintptr_t reg, uint32_t intid)
{
	return (mmio_read32(reg) >> (intid % 32)) & 1;
}

/* --- an SGI for vCPU 1 while vCPU 1 has it disabled --- */

enum { SECOND_DISABLED = 1, SECOND_DONE = 2 };

static void second_vcpu_main(void);

static uint64_t second_stack[512] __attribute__((aligned(16)));
static const struct secondary_start second_start = {
	.stack_top = (uintptr_t)(second_stack + sizeof(second_stack) / sizeof(second_stack[0])),
	.main = second_vcpu_main,
};

/* Written by one vCPU, polled by the other; the MMU is off, so every access
 * goes straight to memory. */
static volatile uint32_t second_stage;
static volatile uint32_t sgi_sent;
static volatile uint32_t second_while_disabled;
static volatile uint32_t second_once_enabled;

static void second_vcpu_main(void)
{
	uintptr_t own = GICR_SGI_PAGE(SECOND_VCPU);
	uint32_t intid;

	enable_cpu_interface();
	mmio_write32(own + GICR_ICENABLER0, 1u << SGI_WHILE_DISABLED);
	second_stage = SECOND_DISABLED;
	while (!sgi_sent)
		;
	intid = icc_poll_interrupt(ICC_NOT_TAKEN_MS);
	if (intid != ICC_SPURIOUS_INTID)
		write_icc_eoir1(intid);
	second_while_disabled = intid;

	mmio_write32(own + GICR_ISENABLER0, 1u << SGI_WHILE_DISABLED);
	intid = icc_poll_interrupt(EXPECTED_WAIT_MS);
	if (intid != ICC_SPURIOUS_INTID)
		write_icc_eoir1(intid);
	second_once_enabled = intid;
	write_icc_igrpen1(0);
	second_stage = SECOND_DONE;
	smc_call(PSCI_CPU_OFF, 0, 0, 0);
	for (;;)
		__asm__ volatile("wfi");
}

static bool second_stage_within(uint32_t stage, unsigned ms)
{
	uint64_t deadline = counter_deadline_in_ms(ms);

	while (second_stage != stage && counter_ticks() < deadline)
		;
	return second_stage == stage;
}

static void wait_second_vcpu_off(void)
{
	uint64_t deadline = counter_deadline_in_ms(EXPECTED_WAIT_MS);

	while (smc_call(PSCI_AFFINITY_INFO_64, SECOND_VCPU, 0, 0) != PSCI_AFFINITY_OFF &&
	       counter_ticks() < deadline)
		;
}

static void check_sgi_sent_while_disabled(void)
{
	const char *pending = "SGI sent to a vCPU that has it disabled reads pending in its GICR_ISPENDR0";
	const char *taken = "SGI sent while disabled is not taken until enabled, then taken";
	long on = smc_call(PSCI_CPU_ON_64, SECOND_VCPU, (uintptr_t)secondary_entry,
			   (uintptr_t)&second_start);
	bool seen_pending;

	if (on != 0 || !second_stage_within(SECOND_DISABLED, EXPECTED_WAIT_MS)) {
		check_fail(pending, "vCPU 1 did not start: CPU_ON returned %ld", on);
		check_fail(taken, "vCPU 1 did not start");
		return;
	}
	send_sgi(SGI_WHILE_DISABLED, SECOND_VCPU);
	seen_pending = bit_set(GICR_SGI_PAGE(SECOND_VCPU) + GICR_ISPENDR0, SGI_WHILE_DISABLED);
	sgi_sent = 1;

	if (seen_pending)
		check_pass(pending);
	else
		check_fail(pending, "bit %u clear", SGI_WHILE_DISABLED);
	if (!second_stage_within(SECOND_DONE, EXPECTED_WAIT_MS))
		check_fail(taken, "vCPU 1 did not finish");
	else if (second_while_disabled != ICC_SPURIOUS_INTID)
		check_fail(taken, "vCPU 1 took INTID %u while the SGI was disabled",
			   second_while_disabled);
	else if (second_once_enabled != SGI_WHILE_DISABLED)
		check_fail(taken, "vCPU 1 took INTID %u once enabled, want %u", second_once_enabled,
			   SGI_WHILE_DISABLED);
	else
		check_pass(taken);
	wait_second_vcpu_off();
}

/* --- the own vCPU's SGIs through its redistributor frame --- */

static void check_sgi_set_pending_is_taken(uintptr_t own)
{
	const char *taken = "SGI set pending through GICR_ISPENDR0 reads pending and is taken";
	const char *active = "acknowledged SGI reads active, not pending, until its EOI";
	uint32_t bit = 1u << SGI_OWN;
	bool pending, active_acked, pending_acked, active_ended;
	uint32_t intid;

	mmio_write32(own + GICR_ISPENDR0, bit);
	pending = bit_set(own + GICR_ISPENDR0, SGI_OWN);
	intid = icc_poll_interrupt(EXPECTED_WAIT_MS);
	if (intid == ICC_SPURIOUS_INTID) {
		check_fail(taken, "not taken; GICR_ISPENDR0 bit %s", pending ? "set" : "clear");
		check_fail(active, "the SGI was not taken");
		return;
	}
	active_acked = bit_set(own + GICR_ISACTIVER0, SGI_OWN);
	pending_acked = bit_set(own + GICR_ISPENDR0, SGI_OWN);
	write_icc_eoir1(intid);
	active_ended = bit_set(own + GICR_ISACTIVER0, SGI_OWN);

	if (!pending || intid != SGI_OWN)
		check_fail(taken, "GICR_ISPENDR0 bit %s, took INTID %u", pending ? "set" : "clear",
			   intid);
	else
		check_pass(taken);
	if (!active_acked || pending_acked || active_ended)
		check_fail(active, "acknowledged: active %d pending %d; after EOI: active %d",
			   active_acked, pending_acked, active_ended);
	else
		check_pass(active);
}

static void check_sgi_clear_pending(uintptr_t own)
{
	const char *what = "GICR_ICPENDR0 clears a pending SGI before it is taken";
	uint32_t bit = 1u << SGI_OWN;
	bool set, cleared;
	uint32_t intid;

	mmio_write32(own + GICR_ISPENDR0, bit);
	set = bit_set(own + GICR_ISPENDR0, SGI_OWN);
	mmio_write32(own + GICR_ICPENDR0, bit);
	cleared = !bit_set(own + GICR_ISPENDR0, SGI_OWN);
	intid = icc_poll_interrupt(ICC_NOT_TAKEN_MS);
	if (intid != ICC_SPURIOUS_INTID)
		write_icc_eoir1(intid);

	if (!set || !cleared || intid != ICC_SPURIOUS_INTID)
		check_fail(what, "pending after ISPENDR0 %d, after ICPENDR0 %d, took INTID %u", set,
			   !cleared, intid);
	else
		check_pass(what);
}

static void check_sgi_set_clear_active(uintptr_t own)
{
	const char *what = "GICR_ISACTIVER0 and ICACTIVER0 set and clear an SGI's active state";
	uint32_t bit = 1u << SGI_ACTIVE_ONLY;
	bool set, cleared;

	mmio_write32(own + GICR_ISACTIVER0, bit);
	set = bit_set(own + GICR_ISACTIVER0, SGI_ACTIVE_ONLY);
	mmio_write32(own + GICR_ICACTIVER0, bit);
	cleared = !bit_set(own + GICR_ISACTIVER0, SGI_ACTIVE_ONLY);

	if (!set || !cleared)
		check_fail(what, "active after ISACTIVER0 %d, after ICACTIVER0 %d", set, !cleared);
	else
		check_pass(what);
}

/* Pending before it is disabled: the SGI has already been handed to a list
 * register by the time the guest disables it. */
static void check_sgi_disabled_while_pending(uintptr_t own)
{
	const char *what = "SGI disabled while pending stays pending, is not taken until enabled, "
			   "then taken";
	uint32_t bit = 1u << SGI_DISABLED_LATE;
	uint32_t while_disabled, once_enabled;
	bool pending;

	mmio_write32(own + GICR_ISPENDR0, bit);
	mmio_write32(own + GICR_ICENABLER0, bit);
	pending = bit_set(own + GICR_ISPENDR0, SGI_DISABLED_LATE);
	while_disabled = icc_poll_interrupt(ICC_NOT_TAKEN_MS);
	if (while_disabled != ICC_SPURIOUS_INTID)
		write_icc_eoir1(while_disabled);
	mmio_write32(own + GICR_ISENABLER0, bit);
	once_enabled = icc_poll_interrupt(EXPECTED_WAIT_MS);
	if (once_enabled != ICC_SPURIOUS_INTID)
		write_icc_eoir1(once_enabled);

	if (!pending || while_disabled != ICC_SPURIOUS_INTID || once_enabled != SGI_DISABLED_LATE)
		check_fail(what, "pending while disabled %d, took INTID %u while disabled, %u once "
			   "enabled", pending, while_disabled, once_enabled);
	else
		check_pass(what);
}

/* --- hardware-linked interrupts --- */

struct seen_state {
	bool pending;
	bool active;
};

struct hw_lifecycle {
	struct seen_state waiting;   /* injected, not yet acknowledged */
	uint32_t intid;              /* what the guest acknowledged */
	struct seen_state acked;     /* before EOI */
	struct seen_state ended;     /* after EOI */
};

static struct seen_state read_state(uintptr_t ispendr, uintptr_t isactiver, uint32_t intid)
{
	return (struct seen_state){ bit_set(ispendr, intid), bit_set(isactiver, intid) };
}

/* The names of the three checks of one interrupt's life. */
struct lifecycle_checks {
	const char *waiting;
	const char *acked;
	const char *ended;
};

static const struct lifecycle_checks spi_checks = {
	"hardware-linked SPI waiting for the guest reads pending, not active",
	"hardware-linked SPI acknowledged by the guest reads active, not pending, until EOI",
	"hardware-linked SPI reads neither pending nor active after EOI",
};

static const struct lifecycle_checks timer_checks = {
	"hardware-linked virtual timer PPI waiting for the guest reads pending, not active",
	"hardware-linked virtual timer PPI acknowledged by the guest reads active, not pending, "
	"until EOI",
	"hardware-linked virtual timer PPI reads neither pending nor active after EOI",
};

static void report_lifecycle(const struct lifecycle_checks *what, uint32_t want,
			     const struct hw_lifecycle *l)
{
	if (!l->waiting.pending || l->waiting.active)
		check_fail(what->waiting, "pending %d active %d", l->waiting.pending,
			   l->waiting.active);
	else
		check_pass(what->waiting);
	if (l->intid != want || l->acked.pending || !l->acked.active)
		check_fail(what->acked, "took INTID %u (want %u): pending %d active %d", l->intid,
			   want, l->acked.pending, l->acked.active);
	else
		check_pass(what->acked);
	if (l->ended.pending || l->ended.active)
		check_fail(what->ended, "pending %d active %d", l->ended.pending, l->ended.active);
	else
		check_pass(what->ended);
}

static void check_hw_spi_state(void)
{
	uint32_t control = mmio_read32(GICD_CTLR);
	struct hw_lifecycle l;

	mmio_write32(GICD_CTLR, control | GICD_CTLR_ENABLE_GRP1);
	*(volatile uint8_t *)GICD_IPRIORITYR(TEST_SPI) = PRIORITY;
	*(volatile uint64_t *)GICD_IROUTER(TEST_SPI) = 0;
	mmio_write32(GICD_ISENABLER1, TEST_SPI_BIT);
	mmio_write32(GICD_ISPENDR1, TEST_SPI_BIT);
	l.waiting = read_state(GICD_ISPENDR1, GICD_ISACTIVER1, TEST_SPI);
	l.intid = icc_poll_interrupt(EXPECTED_WAIT_MS);
	l.acked = read_state(GICD_ISPENDR1, GICD_ISACTIVER1, TEST_SPI);
	if (l.intid != ICC_SPURIOUS_INTID)
		write_icc_eoir1(l.intid);
	l.ended = read_state(GICD_ISPENDR1, GICD_ISACTIVER1, TEST_SPI);
	mmio_write32(GICD_ICENABLER1, TEST_SPI_BIT);
	mmio_write32(GICD_ICPENDR1, TEST_SPI_BIT);
	mmio_write32(GICD_CTLR, control);
	report_lifecycle(&spi_checks, TEST_SPI, &l);
}

/* The timer's output is masked once the guest has acknowledged it, so that
 * its line no longer makes it pending again. */
static void check_hw_timer_ppi_state(uintptr_t own)
{
	uintptr_t ispendr = own + GICR_ISPENDR0, isactiver = own + GICR_ISACTIVER0;
	struct hw_lifecycle l;

	*(volatile uint8_t *)(own + GICR_IPRIORITYR + VIRT_TIMER_PPI) = PRIORITY;
	mmio_write32(own + GICR_ISENABLER0, 1u << VIRT_TIMER_PPI);
	write_cntv_tval(0);
	write_cntv_ctl(CNTV_CTL_ENABLE);
	l.waiting = read_state(ispendr, isactiver, VIRT_TIMER_PPI);
	l.intid = icc_poll_interrupt(EXPECTED_WAIT_MS);
	write_cntv_ctl(CNTV_CTL_ENABLE | CNTV_CTL_IMASK);
	l.acked = read_state(ispendr, isactiver, VIRT_TIMER_PPI);
	if (l.intid != ICC_SPURIOUS_INTID)
		write_icc_eoir1(l.intid);
	l.ended = read_state(ispendr, isactiver, VIRT_TIMER_PPI);
	write_cntv_ctl(0);
	mmio_write32(own + GICR_ICENABLER0, 1u << VIRT_TIMER_PPI);
	report_lifecycle(&timer_checks, VIRT_TIMER_PPI, &l);
}

void check_vgic_fidelity(void)
{
	uintptr_t own = GICR_SGI_PAGE(0);

	check_sgi_sent_while_disabled();
	enable_cpu_interface();
	check_sgi_set_pending_is_taken(own);
	check_sgi_clear_pending(own);
	check_sgi_set_clear_active(own);
	check_sgi_disabled_while_pending(own);
	check_hw_spi_state();
	check_hw_timer_ppi_state(own);
	write_icc_igrpen1(0);
}
