/* The checks zone0's selftest guest runs under tessera. Each prints one
 * PASS/FAIL line; the summary line and a PSCI power-off end the run. */
#include <stdint.h>

#include "check.h"
#include "counter.h"
#include "exception.h"
#include "exception_check.h"
#include "guest_name.h"
#include "hvc.h"
#include "hypercall_check.h"
#include "parked_interrupt_check.h"
#include "pmu_check.h"
#include "pmu_sw_increment_check.h"
#include "print.h"
#include "psci.h"
#include "trap_hardening.h"
#include "vgic_check.h"
#include "vgic_fidelity_check.h"
#include "virtio_inject_check.h"

#define HC_UNKNOWN 0x7777 /* no hypercall has this code */

#define UNMAPPED_ADDR         0x0f000000UL /* nothing in zone0's stage 2 */
#define HYPERVISOR_IMAGE_ADDR 0x40400000UL /* below zone0's RAM */
#define ZONE0_RAM_UNALIGNED_ADDR 0x90000008UL

#define ROUND_TRIP_CALLS 10000u
#define NSEC_PER_SEC     1000000000ULL

const char guest_name[] = "selftest";

/* A single write of ICC_SGI0R_EL1 (Group 0 SGIs), which traps to EL2 and is
 * not emulated there. */
static inline void probe_write_icc_sgi0r(uint64_t value)
{
	__asm__ volatile("msr S3_0_C12_C11_7, %0" : : "r"(value) : "memory");
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
	check_config_magic();
	check_hypercall_returns("unknown hypercall returns -ENOSYS", HC_UNKNOWN, 0, 0, -HV_ENOSYS);
	/* zone0 has no bridge page yet: these calls must be refused. */
	check_hypercall_returns("VirtioInit with a page outside RAM returns -EFAULT",
				HC_VIRTIO_INIT, UNMAPPED_ADDR, 0, -HV_EFAULT);
	check_hypercall_returns("VirtioInit with an unaligned page returns -EFAULT",
				HC_VIRTIO_INIT, ZONE0_RAM_UNALIGNED_ADDR, 0, -HV_EFAULT);
	check_hypercall_returns("VirtioInjectIrq with no bridge returns -ENODEV",
				HC_VIRTIO_INJECT_IRQ, 0, 0, -HV_ENODEV);
	check_virtio_inject_returns_zero();
	/* hvisor's answers (its hypercall/mod.rs): EINVAL for both. */
	check_hypercall_returns("ZoneShutdown of a zone that does not exist returns -EINVAL",
				HC_ZONE_SHUTDOWN, 5, 0, -HV_EINVAL);
	check_hypercall_returns("ZoneShutdown of zone0 returns -EINVAL",
				HC_ZONE_SHUTDOWN, 0, 0, -HV_EINVAL);
	check_read_aborts("read of unmapped 0x0f000000 aborts", UNMAPPED_ADDR);
	check_read_aborts("read of hypervisor image 0x40400000 aborts", HYPERVISOR_IMAGE_ADDR);
	check_unemulated_sysreg_is_undefined();
	check_parked_interrupt();
	check_vgic();
	check_vgic_fidelity();
	check_impdef_register_is_undefined();
	check_actlr_el1_write_does_not_stick();
	check_os_double_lock_does_not_stick();
	check_os_lock_is_the_zones_own();
	check_smccc_arch_workarounds();
	check_pmu_filters_never_count_at_el2();
	check_pmu_software_increment();
	check_instruction_abort_log_is_rate_limited();
	report_round_trip();
	check_summary();

	print("selftest: PSCI SYSTEM_OFF returned %ld\n", psci_system_off());
	for (;;)
		__asm__ volatile("wfi");
}
