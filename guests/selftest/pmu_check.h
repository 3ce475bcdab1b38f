#ifndef SELFTEST_PMU_CHECK_H
#define SELFTEST_PMU_CHECK_H

/* A zone's PMU event filters can never ask to count at EL2. */
void check_pmu_filters_never_count_at_el2(void);

#endif
