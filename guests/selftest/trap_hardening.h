/* Checks of what a zone reaches of its CPU and of the hypervisor's log:
 * instruction aborts logged under a rate limit, IMPLEMENTATION DEFINED,
 * auxiliary and debug registers as the hypervisor decided, and the SMCCC
 * Spectre workaround interface. */
#ifndef SELFTEST_TRAP_HARDENING_H
#define SELFTEST_TRAP_HARDENING_H

void check_instruction_abort_log_is_rate_limited(void);
void check_impdef_register_is_undefined(void);
void check_actlr_el1_write_does_not_stick(void);
void check_os_double_lock_does_not_stick(void);
void check_os_lock_is_the_zones_own(void);
void check_smccc_arch_workarounds(void);

#endif
