/* Run in zone0 on a `make HV_SELFTEST=1` hypervisor: vCPU 1 makes the
 * hypervisor fault on its CPU (HC_SELFTEST_HYP_FAULT); vCPU 0 then shows
 * that the hypervisor still serves the other CPUs (a hypercall, a trapped
 * distributor read, PSCI) and powers the machine off. On the default image
 * the hypercall is unknown and returns -ENOSYS, which is reported. */
#include <stdint.h>

#include "check.h"
#include "counter.h"
#include "exception.h"
#include "exception_check.h"
#include "guest_name.h"
#include "hvc.h"
#include "hypercall_check.h"
#include "print.h"
#include "secondary.h"
#include "smccc.h"
#include "tessera/hyp_fault_selftest.h"

#define FAULTING_VCPU_MPIDR 1u
#define GICD_TYPER          0x08000004UL

#define START_WAIT_MS 2000
/* The faulting CPU prints its report meanwhile; vCPU 0's lines, which go
 * straight to the UART, would cut into it. */
#define REPORT_QUIET_MS 1000

const char guest_name[] = "hypfault";

static void faulting_vcpu_main(void);

static uint64_t faulting_stack[512] __attribute__((aligned(16)));
static const struct secondary_start faulting_start = {
	.stack_top = (uintptr_t)(faulting_stack + sizeof(faulting_stack) / sizeof(faulting_stack[0])),
	.main = faulting_vcpu_main,
};

/* The MMU is off: both vCPUs see these in memory at once. */
static volatile uint32_t fault_asked;
static volatile uint32_t fault_call_returned;
static volatile long fault_call_result;

static void faulting_vcpu_main(void)
{
	fault_asked = 1;
	fault_call_result = hypercall(HC_SELFTEST_HYP_FAULT, 0, 0);
	fault_call_returned = 1;
	for (;;)
		__asm__ volatile("wfi");
}

static void wait_ms(unsigned ms)
{
	uint64_t end = counter_ticks() + counter_frequency() * ms / 1000;

	while (counter_ticks() < end)
		;
}

static void wait_fault_asked(unsigned ms)
{
	uint64_t end = counter_ticks() + counter_frequency() * ms / 1000;

	while (!fault_asked && counter_ticks() < end)
		;
}

static void check_cpu0_still_served(void)
{
	uint32_t typer;

	check_config_magic();
	exception_clear();
	typer = probe_read32(GICD_TYPER);
	if (!failed_with_exception("trapped GICD_TYPER read answers")) {
		if (typer == 0)
			check_fail("trapped GICD_TYPER read answers", "read 0");
		else
			check_pass("trapped GICD_TYPER read answers");
	}
	if (smc_call(PSCI_AFFINITY_INFO_64, FAULTING_VCPU_MPIDR, 0, 0) != PSCI_AFFINITY_ON)
		check_fail("PSCI AFFINITY_INFO answers", "vCPU 1 not ON");
	else
		check_pass("PSCI AFFINITY_INFO answers");
}

_Noreturn void main(void)
{
	long on;

	print("hypfault: start\n");
	on = smc_call(PSCI_CPU_ON_64, FAULTING_VCPU_MPIDR, (uintptr_t)secondary_entry,
		      (uintptr_t)&faulting_start);
	if (on != 0)
		print("hypfault: CPU_ON of vCPU 1 returned %ld\n", on);
	wait_fault_asked(START_WAIT_MS);
	wait_ms(REPORT_QUIET_MS);
	if (!fault_asked)
		print("hypfault: vCPU 1 never ran\n");
	else if (fault_call_returned)
		print("hypfault: the fault hypercall returned %ld: not a HV_SELFTEST image\n",
		      fault_call_result);
	else
		print("hypfault: vCPU 0 still runs after the fault on vCPU 1's CPU\n");
	check_cpu0_still_served();
	check_summary();
	print("hypfault: PSCI SYSTEM_OFF returned %ld\n", smc_call(PSCI_SYSTEM_OFF, 0, 0, 0));
	for (;;)
		__asm__ volatile("wfi");
}
