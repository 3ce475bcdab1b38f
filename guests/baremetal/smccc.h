/* SMC Calling Convention calls (PSCI among them) from a bare-metal guest. */
#ifndef BAREMETAL_SMCCC_H
#define BAREMETAL_SMCCC_H

#include <stdint.h>

#define PSCI_CPU_OFF          0x84000002UL
#define PSCI_SYSTEM_OFF       0x84000008UL
#define PSCI_SYSTEM_RESET     0x84000009UL
#define PSCI_CPU_ON_64        0xc4000003UL
#define PSCI_AFFINITY_INFO_64 0xc4000004UL

#define SMCCC_VERSION           0x80000000UL
#define SMCCC_ARCH_FEATURES     0x80000001UL
#define SMCCC_ARCH_WORKAROUND_1 0x80008000UL
#define SMCCC_ARCH_WORKAROUND_2 0x80007fffUL
#define SMCCC_ARCH_WORKAROUND_3 0x80003fffUL
#define SMCCC_NOT_SUPPORTED     (-1L)

#define PSCI_AFFINITY_ON         0
#define PSCI_AFFINITY_OFF        1
#define PSCI_AFFINITY_ON_PENDING 2

/* SMCCC lets x1-x3 carry results, so they are not preserved. `conduit` is
 * "smc #0" or "hvc #0". */
#define SMCCC_CALL(conduit, fid, arg0, arg1, arg2) ({ \
	register uint64_t x0 __asm__("x0") = (fid); \
	register uint64_t x1 __asm__("x1") = (arg0); \
	register uint64_t x2 __asm__("x2") = (arg1); \
	register uint64_t x3 __asm__("x3") = (arg2); \
	__asm__ volatile(conduit : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory"); \
	(long)x0; \
})

static inline long smc_call(uint64_t fid, uint64_t arg0, uint64_t arg1, uint64_t arg2)
{
	return SMCCC_CALL("smc #0", fid, arg0, arg1, arg2);
}

static inline long hvc_call(uint64_t fid, uint64_t arg0, uint64_t arg1, uint64_t arg2)
{
	return SMCCC_CALL("hvc #0", fid, arg0, arg1, arg2);
}

#endif
