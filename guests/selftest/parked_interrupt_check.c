/* A level-triggered interrupt of zone0's, asserted and routed to its vCPU 1
 * while that vCPU is powered off, must neither keep vCPU 1's CPU busy at
 * EL2 nor be lost: PSCI CPU_ON of vCPU 1 completes, and vCPU 1 receives the
 * interrupt once it runs. The line is the PL011's transmit interrupt
 * (INTID 33), which stays asserted while it is unmasked: QEMU raises it at
 * every character written and nothing here clears it. */
#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "counter.h"
#include "icc.h"
#include "mmio.h"
#include "parked_interrupt_check.h"
#include "secondary.h"
#include "smccc.h"

#define UART_IMSC      0x09000038UL
#define UART_IMSC_TXIM (1u << 5)

#define UART_INTID       33u
#define UART_INTID_BIT   (1u << (UART_INTID % 32))
#define GICD_BASE        0x08000000UL
#define GICD_CTLR        GICD_BASE
#define GICD_CTLR_ENABLE_GRP1 (1u << 1)
#define GICD_ISENABLER1  (GICD_BASE + 0x0104)
#define GICD_ICENABLER1  (GICD_BASE + 0x0184)
#define GICD_ICPENDR1    (GICD_BASE + 0x0284)
#define GICD_ICFGR2      (GICD_BASE + 0x0c08)
#define GICD_ICFGR_EDGE(intid) (2u << ((intid) % 16 * 2))
#define GICD_IROUTER(n)  (GICD_BASE + 0x6000 + 8 * (uintptr_t)(n))

#define SECOND_VCPU_MPIDR 1u
#define FIRST_VCPU_MPIDR  0u

/* Long enough for the idle CPU to have woken on the interrupt, had it been
 * able to: otherwise CPU_ON could win the race and prove nothing. */
#define SETTLE_MS       50

static void second_vcpu_main(void);

static uint64_t second_stack[512] __attribute__((aligned(16)));
static const struct secondary_start second_start = {
	.stack_top = (uintptr_t)(second_stack + sizeof(second_stack) / sizeof(second_stack[0])),
	.main = second_vcpu_main,
};

/* Written by one vCPU, polled by the other; the MMU is off, so every access
 * goes straight to memory. */
static volatile uint32_t second_ran;
static volatile uint32_t second_received;
static volatile uint32_t second_may_stop;

/* Its virtual CPU interface on, it takes what is pending by polling (its
 * interrupts stay masked), reports, and powers itself off when told. */
static void second_vcpu_main(void)
{
	uint32_t intid;

	write_icc_pmr(0xff);
	write_icc_igrpen1(1);
	intid = icc_poll_interrupt(EXPECTED_WAIT_MS);
	if (intid != ICC_SPURIOUS_INTID)
		write_icc_eoir1(intid);
	write_icc_igrpen1(0);
	second_received = intid;
	second_ran = 1;
	while (!second_may_stop)
		;
	smc_call(PSCI_CPU_OFF, 0, 0, 0);
	for (;;)
		__asm__ volatile("wfi");
}

static long second_vcpu_state(void)
{
	return smc_call(PSCI_AFFINITY_INFO_64, SECOND_VCPU_MPIDR, 0, 0);
}

static uint32_t distributor_control;

static void assert_uart_interrupt_on_second_vcpu(void)
{
	distributor_control = mmio_read32(GICD_CTLR);
	mmio_write32(GICD_CTLR, distributor_control | GICD_CTLR_ENABLE_GRP1);
	mmio_write32(GICD_ICFGR2, mmio_read32(GICD_ICFGR2) & ~GICD_ICFGR_EDGE(UART_INTID));
	*(volatile uint64_t *)GICD_IROUTER(UART_INTID) = SECOND_VCPU_MPIDR;
	mmio_write32(GICD_ISENABLER1, UART_INTID_BIT);
	mmio_write32(UART_IMSC, mmio_read32(UART_IMSC) | UART_IMSC_TXIM);
}

static void release_uart_interrupt(void)
{
	mmio_write32(UART_IMSC, mmio_read32(UART_IMSC) & ~UART_IMSC_TXIM);
	mmio_write32(GICD_ICENABLER1, UART_INTID_BIT);
	mmio_write32(GICD_ICPENDR1, UART_INTID_BIT);
	*(volatile uint64_t *)GICD_IROUTER(UART_INTID) = FIRST_VCPU_MPIDR;
	mmio_write32(GICD_CTLR, distributor_control);
}

static long wait_second_vcpu(long state, unsigned ms)
{
	uint64_t deadline = counter_deadline_in_ms(ms);
	long now;

	while ((now = second_vcpu_state()) != state && counter_ticks() < deadline)
		;
	return now;
}

static bool second_vcpu_ran_within(unsigned ms)
{
	uint64_t deadline = counter_deadline_in_ms(ms);

	while (!second_ran && counter_ticks() < deadline)
		;
	return second_ran;
}

void check_parked_interrupt(void)
{
	const char *what = "level interrupt routed to an off vCPU: its CPU_ON completes, it receives it";
	long on, state, off;
	bool ran;

	assert_uart_interrupt_on_second_vcpu();
	counter_spin_ms(SETTLE_MS);
	on = smc_call(PSCI_CPU_ON_64, SECOND_VCPU_MPIDR, (uintptr_t)secondary_entry,
		 (uintptr_t)&second_start);
	state = on ? on : wait_second_vcpu(PSCI_AFFINITY_ON, EXPECTED_WAIT_MS);
	ran = second_vcpu_ran_within(EXPECTED_WAIT_MS);
	release_uart_interrupt();
	second_may_stop = 1;
	off = wait_second_vcpu(PSCI_AFFINITY_OFF, EXPECTED_WAIT_MS);

	if (on != 0)
		check_fail(what, "CPU_ON returned %ld", on);
	else if (state != PSCI_AFFINITY_ON || !ran)
		check_fail(what, "AFFINITY_INFO %ld (0 is ON, 2 ON_PENDING), vCPU 1 %s within %u ms",
			   state, ran ? "ran" : "did not run", EXPECTED_WAIT_MS);
	else if (second_received != UART_INTID)
		check_fail(what, "vCPU 1 acknowledged INTID %u, want %u", second_received, UART_INTID);
	else if (off != PSCI_AFFINITY_OFF)
		check_fail(what, "vCPU 1 still not off after CPU_OFF: AFFINITY_INFO %ld", off);
	else
		check_pass(what);
}
