/* tessera's hypercalls on riscv64 (include/tessera/hypercall.h): an SBI
 * call to extension TESSERA_ECALL_EXT, a0 = code, a1/a2 = arguments; the
 * SBI error comes back in a0 (0: the hypervisor took the call) and the
 * hypercall's result in a1. */
#ifndef BAREMETAL_RV_HYPERCALL_H
#define BAREMETAL_RV_HYPERCALL_H

#include <stdint.h>

#include "sbi.h"
#include "tessera/hypercall.h"

static inline struct sbiret hypercall(uint64_t code, uint64_t arg0, uint64_t arg1)
{
	return sbi_call(TESSERA_ECALL_EXT, 0, code, arg0, arg1, 0, 0, 0);
}

#endif
