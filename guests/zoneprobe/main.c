/* The checks a bare-metal guest runs as zone1, a zone other than zone0:
 * zone0's memory, the hypervisor's, zone0's interrupt and redistributor and
 * the zone0-only hypercalls must all be out of its reach, its CPU's PMU
 * must count software increments as the bare CPU does, and its CPU must
 * hold nothing of the zone before. Each check prints one PASS/FAIL line.
 * After the summary the probe spins with every interrupt masked, so that
 * zone0 can show that shutting a zone down needs nothing from the zone. */
#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "counter.h"
#include "cpu_state_check.h"
#include "exception.h"
#include "exception_check.h"
#include "guest_name.h"
#include "hvc.h"
#include "hypercall_check.h"
#include "pmu_sw_increment_check.h"
#include "print.h"
#include "tessera/zone_config.h"

#define HC_UNKNOWN 0x7777 /* no hypercall has this code */

/* configs/qemu-virt/zone1-probe.json gives this zone 0x50000000-0x50ffffff;
 * the rest of the QEMU board's RAM from 0x50000000 up stays zone0's. */
#define PAST_OWN_RAM_ADDR     0x51000000UL
#define ZONE0_RAM_ADDR        0x90000000UL
#define HYPERVISOR_IMAGE_ADDR 0x40400000UL
#define POISON                0x50524f42u /* "PROB": a write that leaked is recognisable */

#define GICD_BASE        0x08000000UL
#define GICD_ISENABLER1  (GICD_BASE + 0x0104)
#define GICD_ICENABLER1  (GICD_BASE + 0x0184)
#define GICD_ISPENDR1    (GICD_BASE + 0x0204)
#define GICD_ICPENDR1    (GICD_BASE + 0x0284)
#define GICD_IROUTER(n)  (GICD_BASE + 0x6000 + 8 * (uintptr_t)(n))
#define ZONE0_UART_INTID 33
#define ZONE0_UART_BIT   (1u << (ZONE0_UART_INTID % 32))

/* One 0x20000 frame per physical CPU: RD_base, then SGI_base at +0x10000. */
#define GICR_BASE           0x080a0000UL
#define GICR_FRAME_SIZE     0x20000UL
#define GICR_TYPER          0x0008
#define GICR_ISENABLER0     0x10100
#define GICR_ICENABLER0     0x10180
#define GICR_TYPER_AFF0(t)  (((t) >> 32) & 0xff)
#define ZONE0_CPU           0

#define ZONE_LIST_CAPACITY 4

const char guest_name[] = "probe";

/* Static, so in this zone's own RAM (the MMU is off: addresses are IPAs). */
static struct zone_info zones[ZONE_LIST_CAPACITY];
static struct zone_config start_request;

static uintptr_t gicr_frame(unsigned cpu)
{
	return GICR_BASE + cpu * GICR_FRAME_SIZE;
}

static unsigned own_cpu_aff0(void)
{
	uint64_t mpidr;

	__asm__ volatile("mrs %0, mpidr_el1" : "=r"(mpidr));
	return (unsigned)(mpidr & 0xff);
}

static void check_memory_isolation(void)
{
	check_read_aborts("read of zone0 RAM 0x90000000 aborts", ZONE0_RAM_ADDR);
	check_write_aborts("write of zone0 RAM 0x90000000 aborts", ZONE0_RAM_ADDR, POISON);
	check_read_aborts("read of 0x51000000 past own RAM aborts", PAST_OWN_RAM_ADDR);
	check_read_aborts("read of hypervisor image 0x40400000 aborts", HYPERVISOR_IMAGE_ADDR);
}

/* A register of another zone's must read as 0 and raise nothing. */
static void check_reads_zero(const char *what, uint64_t value)
{
	if (failed_with_exception(what))
		return;
	if (value != 0)
		check_fail(what, "read 0x%lx", value);
	else
		check_pass(what);
}

static void check_distributor_isolation(void)
{
	uint64_t seen;

	exception_clear();
	check_reads_zero("GICD_ISENABLER1 hides INTID 33",
			 probe_read32(GICD_ISENABLER1) & ZONE0_UART_BIT);

	/* zone0 keeps its console interrupt only if these writes are dropped;
	 * here the probe can see no more than that nothing shows through. */
	exception_clear();
	probe_write32(GICD_ICENABLER1, ZONE0_UART_BIT);
	probe_write32(GICD_ICPENDR1, ZONE0_UART_BIT);
	seen = (probe_read32(GICD_ISENABLER1) | probe_read32(GICD_ISPENDR1)) & ZONE0_UART_BIT;
	check_reads_zero("GICD_ICENABLER1/ICPENDR1 writes for INTID 33 are ignored", seen);

	exception_clear();
	check_reads_zero("GICD_IROUTER(33) reads 0", probe_read64(GICD_IROUTER(ZONE0_UART_INTID)));

	/* Routing zone0's console interrupt here would silence zone0's shell. */
	exception_clear();
	probe_write64(GICD_IROUTER(ZONE0_UART_INTID), own_cpu_aff0());
	check_reads_zero("GICD_IROUTER(33) write is ignored",
			 probe_read64(GICD_IROUTER(ZONE0_UART_INTID)));
}

/* What Linux does to find its redistributor: the frame whose TYPER names the
 * CPU's own affinity. Without it the zeroes read elsewhere prove nothing. */
static void check_own_redistributor(void)
{
	const char *what = "GICR frame of own CPU reports own affinity";
	unsigned aff0 = own_cpu_aff0();
	uint64_t typer;

	exception_clear();
	typer = probe_read64(gicr_frame(aff0) + GICR_TYPER);
	if (failed_with_exception(what))
		return;
	if (GICR_TYPER_AFF0(typer) != aff0 || typer == 0)
		check_fail(what, "CPU %u: GICR_TYPER 0x%lx", aff0, typer);
	else
		check_pass(what);
}

static void check_redistributor_isolation(void)
{
	exception_clear();
	check_reads_zero("GICR_TYPER of CPU 0 reads 0",
			 probe_read64(gicr_frame(ZONE0_CPU) + GICR_TYPER));

	/* Had this write reached CPU 0, zone0's timer would stop. */
	exception_clear();
	probe_write32(gicr_frame(ZONE0_CPU) + GICR_ICENABLER0, 0xffffffffu);
	check_reads_zero("GICR_ICENABLER0 write to CPU 0 is ignored",
			 probe_read32(gicr_frame(ZONE0_CPU) + GICR_ISENABLER0));
}

static void check_zone_list(void)
{
	const char *what = "ZoneList into own RAM lists zone0 and more";
	bool zone0_listed = false;
	long ret;

	exception_clear();
	ret = hypercall(HC_ZONE_LIST, (uintptr_t)zones, ZONE_LIST_CAPACITY);
	if (failed_with_exception(what))
		return;
	for (long i = 0; i < ret && i < ZONE_LIST_CAPACITY; i++)
		zone0_listed |= zones[i].zone_id == 0;
	if (ret < 2 || !zone0_listed)
		check_fail(what, "returned %ld, zone 0 %s", ret, zone0_listed ? "listed" : "missing");
	else
		check_pass(what);
}

static void check_hypercalls(void)
{
	check_hypercall_returns("ZoneStart returns -EPERM", HC_ZONE_START,
				(uintptr_t)&start_request, sizeof(start_request), -HV_EPERM);
	check_hypercall_returns("ZoneShutdown of zone 0 returns -EPERM", HC_ZONE_SHUTDOWN, 0, 0,
				-HV_EPERM);
	check_config_magic();
	check_zone_list();
	check_hypercall_returns("ZoneList into zone0 RAM returns -EFAULT", HC_ZONE_LIST,
				ZONE0_RAM_ADDR, ZONE_LIST_CAPACITY, -HV_EFAULT);
	check_hypercall_returns("unknown hypercall returns -ENOSYS", HC_UNKNOWN, 0, 0, -HV_ENOSYS);
}

/* zone0's shell may still be printing as this zone starts, on the same UART,
 * and the two would interleave character by character: a pause spares a
 * reader the mix. The system tests do not count on it: they keep zone0's
 * shell silent until the zone's last line (start_zone). */
#define QUIET_START_MS 200

_Noreturn void main(void)
{
	counter_spin_ms(QUIET_START_MS);
	print("probe: start on CPU %u\n", own_cpu_aff0());
	check_cpu_state_is_reset();
	check_memory_isolation();
	check_distributor_isolation();
	check_own_redistributor();
	check_redistributor_isolation();
	check_hypercalls();
	check_pmu_software_increment();
	leave_cpu_state_behind();
	check_summary();

	print("probe: spinning with interrupts masked\n");
	__asm__ volatile("msr daifset, #0xf\n"
			 "1:\tb 1b");
	__builtin_unreachable();
}
