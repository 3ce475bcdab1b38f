#include <stdint.h>

#include "counter.h"
#include "gic.h"
#include "irq.h"
#include "measure.h"
#include "print.h"
#include "psci_hvc.h"
#include "second_vcpu.h"
#include "secondary.h"

static void second_vcpu_main(void);

static uint64_t second_stack[1024] __attribute__((aligned(16)));
static const struct secondary_start second_start = {
	.stack_top = (uintptr_t)(second_stack + sizeof(second_stack) / sizeof(second_stack[0])),
	.main = second_vcpu_main,
};

static volatile uint32_t second_ready;
static volatile uint32_t second_may_stop;

/* It spins rather than waits in WFI, so the round trip measures the
 * delivery of an SGI and not the wake-up of an idle CPU. */
static void second_vcpu_main(void)
{
	irq_vectors_install();
	gic_init_this_cpu();
	second_ready = 1;
	irqs_unmask();
	while (!second_may_stop)
		;
	irqs_mask();
	psci_hvc(PSCI_CPU_OFF, 0, 0, 0);
	for (;;)
		__asm__ volatile("wfi");
}

bool second_vcpu_start(void)
{
	long ret = psci_hvc(PSCI_CPU_ON_64, SECOND_VCPU, (uintptr_t)secondary_entry,
			    (uintptr_t)&second_start);

	if (ret != 0) {
		print("exitbench: PSCI CPU_ON of vCPU 1 returned %ld\n", ret);
		return false;
	}
	if (!wait_flag(&second_ready)) {
		print("exitbench: vCPU 1 did not start within %u ms\n", EXPECTED_WAIT_MS);
		return false;
	}
	return true;
}

void second_vcpu_stop(void)
{
	uint64_t deadline = counter_deadline_in_ms(EXPECTED_WAIT_MS);
	long state;

	second_may_stop = 1;
	while ((state = psci_hvc(PSCI_AFFINITY_INFO_64, SECOND_VCPU, 0, 0)) != PSCI_AFFINITY_OFF)
		if (counter_ticks() > deadline) {
			print("exitbench: vCPU 1 not off after %u ms: AFFINITY_INFO %ld\n",
			      EXPECTED_WAIT_MS, state);
			return;
		}
}
