/* The checks a riscv64 bare-metal guest runs as zone1, a zone other than
 * zone0, on harts 2 and 3: zone0's memory, the hypervisor's and the
 * firmware's, zone0's PLIC sources and contexts, zone0's harts through the
 * SBI and the zone0-only hypercalls must all be out of its reach, and what
 * is its own must work. Each check prints one PASS/FAIL line. After the
 * summary both harts spin with interrupts off, so that zone0 can show that
 * shutting a zone down needs nothing from the zone. */
#include <stdint.h>

#include "check.h"
#include "counter.h"
#include "guest_name.h"
#include "hypercall_check.h"
#include "memory_check.h"
#include "print.h"
#include "sbi_check.h"
#include "vplic_check.h"
#include "zone.h"

const char guest_name[] = "probe";

/* zone0's shell may still be printing as this zone starts, on the same
 * console, and the two would interleave: a pause spares a reader the mix.
 * The system tests do not count on it: they keep zone0's shell silent
 * until the zone's last line (start_zone). */
#define QUIET_START_MS 200

_Noreturn void main(uint64_t hart_id)
{
	counter_spin_ms(QUIET_START_MS);
	print("probe: start on hart %lu\n", hart_id);
	if (hart_id != BOOT_HART)
		print("probe: the zone's first hart should be %u: the harts' checks may fail\n",
		      BOOT_HART);
	check_memory_isolation();
	check_vplic((unsigned)hart_id);
	check_hypercalls();
	check_sbi();
	check_summary();

	print("probe: spinning with interrupts off\n");
	for (;;)
		;
}
