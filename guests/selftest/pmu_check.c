/* On a PMU that cannot prohibit counting at EL2 (PMUv3 before v3p1, as the
 * Cortex-A72's), an event filter with NSH set would count the hypervisor's
 * own events: the hypervisor keeps NSH clear, the rest of the filter as
 * written. */
#include <stdint.h>

#include "check.h"
#include "exception.h"
#include "exception_check.h"
#include "pmu_check.h"

#define EVTYPER_NSH   (1UL << 27)
#define EVTYPER_U     (1UL << 30)
#define EVENT_CYCLES  0x11UL

static void check_filter(const char *what, uint64_t written, uint64_t read)
{
	if (failed_with_exception(what))
		return;
	if (read != (written & ~EVTYPER_NSH))
		check_fail(what, "wrote 0x%lx, read 0x%lx", written, read);
	else
		check_pass(what);
}

void check_pmu_filters_never_count_at_el2(void)
{
	uint64_t written = EVTYPER_NSH | EVTYPER_U | EVENT_CYCLES, read;

	exception_clear();
	__asm__ volatile("msr pmevtyper0_el0, %0\n\tisb" : : "r"(written) : "memory");
	__asm__ volatile("mrs %0, pmevtyper0_el0" : "=r"(read));
	check_filter("PMEVTYPER0_EL0 keeps its filter but never NSH", written, read);

	written = EVTYPER_NSH | EVTYPER_U;
	exception_clear();
	__asm__ volatile("msr pmccfiltr_el0, %0\n\tisb" : : "r"(written) : "memory");
	__asm__ volatile("mrs %0, pmccfiltr_el0" : "=r"(read));
	check_filter("PMCCFILTR_EL0 keeps its filter but never NSH", written, read);

	__asm__ volatile("msr pmevtyper0_el0, xzr\n\tmsr pmccfiltr_el0, xzr\n\tisb" : : : "memory");
}
