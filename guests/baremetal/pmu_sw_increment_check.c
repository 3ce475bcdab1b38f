/* A write to PMSWINC_EL0 adds one to each enabled counter it names that
 * counts SW_INCR (event 0x00) and whose filter lets the writer's Exception
 * level count. Counters 0 and 1 count; counter 2 filters EL1 out. The
 * expected values are what QEMU's cortex-a72 reads without a hypervisor:
 * 0xfffffff0 + 100 wraps to 0x54, setting counter 0's overflow flag. */
#include <stdint.h>

#include "check.h"
#include "exception.h"
#include "exception_check.h"
#include "pmu_sw_increment_check.h"

#define PMCR_E        (1UL << 0)
#define PMCR_N(pmcr)  (((pmcr) >> 11) & 0x1f)
#define EVTYPER_P     (1UL << 31)   /* not counted at EL1 */
#define EVENT_SW_INCR 0x00UL
#define COUNTERS      0x7UL
#define WRITES        100
#define PRESET        0xfffffff0UL

static const char COUNTING[] = "PMSWINC_EL0 counts at EL1, counter 0 overflowing";
static const char FILTERED[] = "PMSWINC_EL0 is not counted by a counter filtering out EL1";

struct pmu_result {
	uint64_t count[3];
	uint64_t overflow;
};

static struct pmu_result run(uint64_t pmcr)
{
	struct pmu_result r;

	__asm__ volatile("msr pmcntenclr_el0, %[counters]\n\t"
			 "msr pmovsclr_el0, %[counters]\n\t"
			 "msr pmevtyper0_el0, %[sw_incr]\n\t"
			 "msr pmevtyper1_el0, %[sw_incr]\n\t"
			 "msr pmevtyper2_el0, %[sw_incr_not_el1]\n\t"
			 "msr pmevcntr0_el0, %[preset]\n\t"
			 "msr pmevcntr1_el0, xzr\n\t"
			 "msr pmevcntr2_el0, xzr\n\t"
			 "msr pmcr_el0, %[pmcr]\n\t"
			 "msr pmcntenset_el0, %[counters]\n\t"
			 "isb"
			 : : [counters] "r"(COUNTERS), [sw_incr] "r"(EVENT_SW_INCR),
			   [sw_incr_not_el1] "r"(EVENT_SW_INCR | EVTYPER_P), [preset] "r"(PRESET),
			   [pmcr] "r"(pmcr | PMCR_E)
			 : "memory");
	for (unsigned i = 0; i < WRITES; i++)
		__asm__ volatile("msr pmswinc_el0, %0" : : "r"(COUNTERS) : "memory");
	__asm__ volatile("isb\n\t"
			 "mrs %0, pmevcntr0_el0\n\t"
			 "mrs %1, pmevcntr1_el0\n\t"
			 "mrs %2, pmevcntr2_el0\n\t"
			 "mrs %3, pmovsset_el0"
			 : "=&r"(r.count[0]), "=&r"(r.count[1]), "=&r"(r.count[2]), "=&r"(r.overflow)
			 : : "memory");
	__asm__ volatile("msr pmcntenclr_el0, %[counters]\n\t"
			 "msr pmovsclr_el0, %[counters]\n\t"
			 "msr pmcr_el0, %[pmcr]\n\t"
			 "msr pmevtyper0_el0, xzr\n\t"
			 "msr pmevtyper1_el0, xzr\n\t"
			 "msr pmevtyper2_el0, xzr\n\t"
			 "isb"
			 : : [counters] "r"(COUNTERS), [pmcr] "r"(pmcr) : "memory");
	return r;
}

void check_pmu_software_increment(void)
{
	uint64_t pmcr;

	__asm__ volatile("mrs %0, pmcr_el0" : "=r"(pmcr));
	if (PMCR_N(pmcr) < 3) {
		check_fail(COUNTING, "PMCR_EL0.N is %lu, the check needs 3 counters", PMCR_N(pmcr));
		return;
	}
	exception_clear();
	struct pmu_result r = run(pmcr);
	if (failed_with_exception(COUNTING))
		return;
	if (r.count[0] != 0x54 || r.count[1] != 0x64 || (r.overflow & COUNTERS) != 1)
		check_fail(COUNTING, "counters 0x%lx 0x%lx, overflow flags 0x%lx: 0x54 0x64 0x1 "
			   "expected", r.count[0], r.count[1], r.overflow & COUNTERS);
	else
		check_pass(COUNTING);
	if (r.count[2] != 0)
		check_fail(FILTERED, "counter 2 reads 0x%lx", r.count[2]);
	else
		check_pass(FILTERED);
}
