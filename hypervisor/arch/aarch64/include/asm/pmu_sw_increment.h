/* What a zone's write to PMSWINC_EL0 does to its counters, computed from the
 * PMU registers as the write finds them (pmu_sw_increment.c): pure logic,
 * tested on the host. pmu_trap.c reads the registers and writes back the
 * result, as the write itself, trapped to EL2, would count nothing there. */
#ifndef ASM_PMU_SW_INCREMENT_H
#define ASM_PMU_SW_INCREMENT_H

#include <stdbool.h>
#include <stdint.h>

#define PMU_MAX_EVENT_COUNTERS 31

/* PMEVTYPER<n>_EL0 */
#define EVTYPER_P           (1ULL << 31)
#define EVTYPER_U           (1ULL << 30)
#define EVTYPER_NSK         (1ULL << 29)
#define EVTYPER_NSU         (1ULL << 28)
#define EVTYPER_NSH         (1ULL << 27)
#define EVENT_SW_INCR       0x00
#define EVENT_CHAIN         0x1e

struct pmu_counters {
	uint64_t pmcr;          /* PMCR_EL0: E, and LP with PMUv3p5 */
	uint64_t enabled;       /* PMCNTENSET_EL0 */
	unsigned num;           /* event counters the zone reaches: MDCR_EL2.HPMN,
				 * at most PMU_MAX_EVENT_COUNTERS */
	bool at_el0;            /* the write was made at EL0, not EL1 */
	bool has_el3;           /* the NSK and NSU filter bits exist */
	bool pmuv3p1;           /* evtCount is 16 bits wide, not 10 */
	bool pmuv3p5;           /* event counters are 64 bits wide */
	uint64_t type[PMU_MAX_EVENT_COUNTERS];  /* PMEVTYPER<n>_EL0 */
	uint64_t count[PMU_MAX_EVENT_COUNTERS]; /* PMEVCNTR<n>_EL0 */
};

struct pmu_sw_increment {
	uint32_t changed;       /* counters whose count changed */
	uint32_t overflowed;    /* bits to set in PMOVSSET_EL0 */
};

/* Applies a write of `value` to PMSWINC_EL0 to `c->count`. */
struct pmu_sw_increment pmu_sw_increment(struct pmu_counters *c, uint64_t value);

#endif
