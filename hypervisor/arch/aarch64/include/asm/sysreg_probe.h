/* Whether this CPU implements a system register the architecture requires
 * but an emulator may lack (sysreg_probe.S). Called at boot, before any
 * zone runs: the exception path a missing register takes borrows the EL0
 * thread registers. */
#ifndef ASM_SYSREG_PROBE_H
#define ASM_SYSREG_PROBE_H

#include <stdbool.h>

bool sysreg_probe_osdtrrx_el1(void);
bool sysreg_probe_osdtrtx_el1(void);
bool sysreg_probe_oseccr_el1(void);
bool sysreg_probe_mdccint_el1(void);
bool sysreg_probe_dbgclaimclr_el1(void);

/* The probes' code: an undefined instruction in it is a missing register,
 * which the EL2 exception handler resumes after with false (hyp_fault.c). */
extern const char sysreg_probes_start[], sysreg_probes_end[];

#endif
