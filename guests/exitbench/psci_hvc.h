/* PSCI through HVC #0. Natively QEMU's built-in PSCI answers HVC only (it
 * has no EL2 to take an SMC), and tessera answers both, so one conduit
 * serves both sides. */
#ifndef EXITBENCH_PSCI_HVC_H
#define EXITBENCH_PSCI_HVC_H

#include <stdint.h>

#include "smccc.h"

/* SMCCC lets x1-x3 carry results, so they are not preserved. */
static inline long psci_hvc(uint64_t fid, uint64_t arg0, uint64_t arg1, uint64_t arg2)
{
	register uint64_t x0 __asm__("x0") = fid;
	register uint64_t x1 __asm__("x1") = arg0;
	register uint64_t x2 __asm__("x2") = arg1;
	register uint64_t x3 __asm__("x3") = arg2;

	__asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
	return (long)x0;
}

#endif
