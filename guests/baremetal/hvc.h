/* Tessera hypercalls (include/tessera/hypercall.h). The ABI returns only x0,
 * so every other register is expected to survive the call. */
#ifndef BAREMETAL_HVC_H
#define BAREMETAL_HVC_H

#include <stdint.h>

#include "tessera/hypercall.h"

#define HVC_STRINGIFY(x) #x
#define HVC_INSTRUCTION(imm) "hvc #" HVC_STRINGIFY(imm)

static inline long hypercall(uint64_t code, uint64_t arg0, uint64_t arg1)
{
	register uint64_t x0 __asm__("x0") = code;
	register uint64_t x1 __asm__("x1") = arg0;
	register uint64_t x2 __asm__("x2") = arg1;

	/* "memory": the hypervisor may write guest memory named by the arguments. */
	__asm__ volatile(HVC_INSTRUCTION(TESSERA_HVC_IMM)
			 : "+r"(x0)
			 : "r"(x1), "r"(x2)
			 : "memory");
	return (long)x0;
}

#endif
