/* exitbench: what a zone pays for the operations that leave it (and, for
 * the EOI and a TLB refill, for ones that should not), timed with the
 * virtual counter. The same image runs in zone0 and natively on
 * QEMU (no EL2), where the rows that exist there are the baseline
 * (bench/exits.py). It prints one "exitbench: <row> <ns>" line per row,
 * then powers the machine off. */
#include <stdbool.h>
#include <stdint.h>

#include "counter.h"
#include "eoi.h"
#include "exception.h"
#include "gic.h"
#include "guest_name.h"
#include "hvc.h"
#include "irq.h"
#include "measure.h"
#include "print.h"
#include "psci_hvc.h"
#include "second_vcpu.h"
#include "sgi_round_trip.h"
#include "timer_latency.h"
#include "tlb_refill.h"
#include "trap_rows.h"

const char guest_name[] = "exitbench";

/* Natively HVC is undefined for anything but a PSCI call, which the shared
 * vectors, still installed, record and skip. */
static bool under_tessera(void)
{
	long ret;

	exception_clear();
	ret = hypercall(HC_UNKNOWN, 0, 0);
	return !sync_taken && ret == -HV_ENOSYS;
}

_Noreturn void main(void)
{
	bool tessera = under_tessera();

	print("exitbench: start %s, counter %lu Hz, medians of %u batch means\n",
	      tessera ? "tessera" : "native", counter_frequency(), BATCHES);
	measure_trap_rows(tessera);
	irq_vectors_install();
	gic_init_distributor();
	gic_init_this_cpu();

	if (second_vcpu_start()) {
		measure_sgi_round_trip();
		second_vcpu_stop();
	}
	measure_eoi();
	measure_timer_latency();
	measure_tlb_refill();

	print("exitbench: done\n");
	print("exitbench: PSCI SYSTEM_OFF returned %ld\n", psci_hvc(PSCI_SYSTEM_OFF, 0, 0, 0));
	for (;;)
		__asm__ volatile("wfi");
}
