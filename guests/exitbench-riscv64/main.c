/* exitbench on riscv64: what a zone pays for the operations that leave it,
 * timed with the time CSR. The same program runs as zone0 under tessera
 * and natively on QEMU, where OpenSBI answers the SBI calls and the rows
 * are QEMU's own floor for the same operation without a hypervisor
 * (bench/exits.py --arch riscv64). It prints one "exitbench: <row> <ns>"
 * line per row, then powers the machine off. */
#include <stdbool.h>
#include <stdint.h>

#include "counter.h"
#include "guest_name.h"
#include "hypercall.h"
#include "interrupts.h"
#include "ipi_round_trip.h"
#include "measure.h"
#include "print.h"
#include "sbi.h"
#include "timer_latency.h"
#include "trap_rows.h"

const char guest_name[] = "exitbench";

/* Natively OpenSBI knows no such extension and says so in a0. */
static bool under_tessera(void)
{
	struct sbiret ret = hypercall(HC_UNKNOWN, 0, 0);

	return ret.error == SBI_SUCCESS && ret.value == -HV_ENOSYS;
}

_Noreturn void main(uint64_t hart)
{
	bool tessera = under_tessera();

	print("exitbench: start %s on hart %lu, counter %u Hz, medians of %u batch means\n",
	      tessera ? "tessera" : "native", hart, COUNTER_HZ, BATCHES);
	measure_trap_rows(tessera);
	interrupts_install(hart);
	measure_ipi_round_trip(hart);
	measure_timer_latency();

	print("exitbench: done\n");
	sbi_call2(SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, SBI_SRST_SHUTDOWN, 0);
	print("exitbench: SBI system reset returned\n");
	for (;;)
		__asm__ volatile("wfi");
}
