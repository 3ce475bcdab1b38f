/* The checks zone0's selftest guest runs under tessera. Each prints one
 * PASS/FAIL line; the summary line and a PSCI power-off end the run. */
#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "counter.h"
#include "exception.h"
#include "hvc.h"
#include "print.h"
#include "psci.h"

#define HC_UNKNOWN 0x7777 /* no hypercall has this code */

#define UNMAPPED_ADDR         0x0f000000UL /* nothing in zone0's stage 2 */
#define HYPERVISOR_IMAGE_ADDR 0x40400000UL /* below zone0's RAM */

#define ROUND_TRIP_CALLS 10000u
#define NSEC_PER_SEC     1000000000ULL

/* The MMU is off, so this variable's address is the physical address the
 * hypervisor must write. */
static volatile uint64_t config_magic;

/* A hypercall that raised an exception in the guest never reached the
 * hypervisor, whatever x0 holds afterwards. */
static bool hypercall_trapped_in_guest(const char *what)
{
	if (!sync_taken)
		return false;
	check_fail(what, "exception in the guest, ESR 0x%lx", sync_esr);
	return true;
}

static void check_config(void)
{
	const char *what = "ConfigCheck writes the config magic";
	long ret;

	exception_clear();
	config_magic = 0;
	ret = hypercall(HC_CONFIG_CHECK, (uintptr_t)&config_magic, 0);
	if (hypercall_trapped_in_guest(what))
		return;
	if (ret != 0 || config_magic != TESSERA_CONFIG_MAGIC)
		check_fail(what, "returned %ld, magic %lu, want 0 and %d", ret, config_magic,
			   TESSERA_CONFIG_MAGIC);
	else
		check_pass(what);
}

static void check_unknown_hypercall(void)
{
	const char *what = "unknown hypercall returns -ENOSYS";
	long ret;

	exception_clear();
	ret = hypercall(HC_UNKNOWN, 0, 0);
	if (hypercall_trapped_in_guest(what))
		return;
	if (ret != -HV_ENOSYS)
		check_fail(what, "returned %ld, want %d", ret, -HV_ENOSYS);
	else
		check_pass(what);
}

/* The hypervisor must turn a stage-2 miss into a synchronous external abort
 * for the guest, not crash, hang or emulate the access. */
static void check_read_aborts(const char *what, uintptr_t addr)
{
	uint32_t value;
	uint64_t esr, far;

	exception_clear();
	value = probe_read32(addr);
	if (!sync_taken) {
		check_fail(what, "no exception, read returned 0x%x", value);
		return;
	}
	esr = sync_esr;
	far = sync_far;
	if (ESR_EC(esr) != ESR_EC_DABT_CUR || ESR_DFSC(esr) != ESR_DFSC_SYNC_EXT || far != addr)
		check_fail(what, "ESR 0x%lx: EC 0x%lx DFSC 0x%lx FAR 0x%lx, want EC 0x%x DFSC 0x%x FAR 0x%lx",
			   esr, ESR_EC(esr), ESR_DFSC(esr), far, ESR_EC_DABT_CUR,
			   ESR_DFSC_SYNC_EXT, (uint64_t)addr);
	else
		check_pass(what);
}

/* A trapped register the hypervisor does not emulate must become an
 * undefined instruction for the guest, not a hang or a hypervisor panic. */
static void check_unemulated_sysreg_is_undefined(void)
{
	const char *what = "write of unemulated ICC_SGI0R_EL1 is undefined";

	exception_clear();
	probe_write_icc_sgi0r(0);
	if (!sync_taken)
		check_fail(what, "no exception");
	else if (ESR_EC(sync_esr) != ESR_EC_UNKNOWN)
		check_fail(what, "ESR 0x%lx, want EC 0x%x", sync_esr, ESR_EC_UNKNOWN);
	else
		check_pass(what);
}

static void report_round_trip(void)
{
	uint64_t hz = counter_frequency();
	uint64_t start, ticks, ns;

	if (hz == 0) {
		print("selftest: hypercall round trip not measured (CNTFRQ_EL0 is 0)\n");
		return;
	}
	start = counter_ticks();
	for (unsigned i = 0; i < ROUND_TRIP_CALLS; i++)
		hypercall(HC_UNKNOWN, 0, 0);
	ticks = counter_ticks() - start;
	/* Split so that ticks * 1e9 cannot overflow. */
	ns = ticks / hz * NSEC_PER_SEC + ticks % hz * NSEC_PER_SEC / hz;
	print("selftest: hypercall round trip %lu ns/call (%u calls)\n", ns / ROUND_TRIP_CALLS,
	      ROUND_TRIP_CALLS);
}

_Noreturn void main(void)
{
	print("selftest: start\n");
	check_config();
	check_unknown_hypercall();
	check_read_aborts("read of unmapped 0x0f000000 aborts", UNMAPPED_ADDR);
	check_read_aborts("read of hypervisor image 0x40400000 aborts", HYPERVISOR_IMAGE_ADDR);
	check_unemulated_sysreg_is_undefined();
	report_round_trip();
	check_summary();

	print("selftest: PSCI SYSTEM_OFF returned %ld\n", psci_system_off());
	for (;;)
		__asm__ volatile("wfi");
}
