/* Emulation of trapped PMU register accesses (pmu_trap.c). */
#ifndef ASM_PMU_TRAP_H
#define ASM_PMU_TRAP_H

#include <stdbool.h>
#include <stdint.h>

/* `iss` is the register's encoding in the ISS layout (op0 op2 op1 CRn CRm),
 * `from_el0` whether the zone made the access at EL0; false when it is not
 * a PMU register. */
bool pmu_trap_access(uint32_t iss, bool is_read, uint64_t *value, bool from_el0);

#endif
