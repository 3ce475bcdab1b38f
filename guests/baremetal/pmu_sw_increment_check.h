#ifndef BAREMETAL_PMU_SW_INCREMENT_CHECK_H
#define BAREMETAL_PMU_SW_INCREMENT_CHECK_H

/* Writes to PMSWINC_EL0 count as they do on the bare CPU. */
void check_pmu_software_increment(void);

#endif
