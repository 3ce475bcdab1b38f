/* Run in zone0 on a `make HV_SELFTEST=1` hypervisor: vCPU 1 makes the
 * hypervisor fault on its CPU, with the fault typed on the console: `r`
 * reads past RAM (HC_SELFTEST_HYP_FAULT), `s` overflows its stack
 * (HC_SELFTEST_STACK_OVERFLOW). vCPU 0 then shows that the hypervisor still
 * serves the other CPUs (a hypercall, a trapped distributor read, PSCI) and
 * powers the machine off. vCPU 0 goes on when a key is typed again, which
 * the test does once it has read the whole fault report: vCPU 0's lines go
 * straight to the UART and would cut into it, and no fixed wait covers a
 * loaded host. On the default image the hypercalls are unknown and return
 * -ENOSYS, which vCPU 1 reports. */
#include <stdint.h>

#include "check.h"
#include "exception.h"
#include "exception_check.h"
#include "guest_name.h"
#include "hvc.h"
#include "hypercall_check.h"
#include "print.h"
#include "secondary.h"
#include "smccc.h"
#include "uart.h"
#include "tessera/hyp_fault_selftest.h"

#define FAULTING_VCPU_MPIDR 1u
#define GICD_TYPER          0x08000004UL

const char guest_name[] = "hypfault";

static void faulting_vcpu_main(void);

static uint64_t faulting_stack[512] __attribute__((aligned(16)));
static const struct secondary_start faulting_start = {
	.stack_top = (uintptr_t)(faulting_stack + sizeof(faulting_stack) / sizeof(faulting_stack[0])),
	.main = faulting_vcpu_main,
};

/* The MMU is off: both vCPUs see these in memory at once. */
static volatile uint64_t fault_code;
static volatile uint32_t fault_asked;
static volatile uint32_t fault_call_returned;

static void faulting_vcpu_main(void)
{
	long result;

	fault_asked = 1;
	result = hypercall(fault_code, 0, 0);
	print("hypfault: the fault hypercall returned %ld: the hypervisor did not fault\n", result);
	fault_call_returned = 1;
	for (;;)
		__asm__ volatile("wfi");
}

static uint64_t typed_fault(void)
{
	for (;;) {
		char key = uart_getc();
		if (key == 'r')
			return HC_SELFTEST_HYP_FAULT;
		if (key == 's')
			return HC_SELFTEST_STACK_OVERFLOW;
	}
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

	print("hypfault: start; type r (read past RAM) or s (stack overflow), then a key once "
	      "the fault report is printed\n");
	fault_code = typed_fault();
	on = smc_call(PSCI_CPU_ON_64, FAULTING_VCPU_MPIDR, (uintptr_t)secondary_entry,
		      (uintptr_t)&faulting_start);
	if (on != 0)
		print("hypfault: CPU_ON of vCPU 1 returned %ld\n", on);
	uart_getc();
	if (!fault_asked)
		print("hypfault: vCPU 1 never ran\n");
	else if (!fault_call_returned)
		print("hypfault: vCPU 0 still runs after the fault on vCPU 1's CPU\n");
	check_cpu0_still_served();
	check_summary();
	print("hypfault: PSCI SYSTEM_OFF returned %ld\n", smc_call(PSCI_SYSTEM_OFF, 0, 0, 0));
	for (;;)
		__asm__ volatile("wfi");
}
