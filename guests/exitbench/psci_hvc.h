/* PSCI through HVC #0. Natively QEMU's built-in PSCI answers HVC only (it
 * has no EL2 to take an SMC), and tessera answers both, so one conduit
 * serves both sides. */
#ifndef EXITBENCH_PSCI_HVC_H
#define EXITBENCH_PSCI_HVC_H

#include <stdint.h>

#include "smccc.h"

static inline long psci_hvc(uint64_t fid, uint64_t arg0, uint64_t arg1, uint64_t arg2)
{
	return hvc_call(fid, arg0, arg1, arg2);
}

#endif
