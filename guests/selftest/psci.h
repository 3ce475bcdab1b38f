/* PSCI through SMC, which the hypervisor forwards to the firmware. */
#ifndef SELFTEST_PSCI_H
#define SELFTEST_PSCI_H

#include <stdint.h>

#define PSCI_SYSTEM_OFF 0x84000008UL

/* Returns only if the call failed; the result is the PSCI error code. */
static inline long psci_system_off(void)
{
	register uint64_t x0 __asm__("x0") = PSCI_SYSTEM_OFF;

	/* SMCCC lets x1-x3 carry results, so they are not preserved. */
	__asm__ volatile("smc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
	return (long)x0;
}

#endif
