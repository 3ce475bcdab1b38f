/* Calls to the SBI the hypervisor implements for its zones (SBI
 * specification 1.0): a7 = extension, a6 = function, a0-a5 = arguments;
 * a0 = error, a1 = value. */
#ifndef BAREMETAL_RV_SBI_H
#define BAREMETAL_RV_SBI_H

#include <stdint.h>

#define SBI_SUCCESS               0
#define SBI_ERR_NOT_SUPPORTED     (-2)
#define SBI_ERR_INVALID_PARAM     (-3)
#define SBI_ERR_ALREADY_AVAILABLE (-6)

#define SBI_LEGACY_CONSOLE_PUTCHAR 0x01

#define SBI_EXT_BASE   0x10
#define SBI_EXT_IPI    0x735049
#define SBI_EXT_RFENCE 0x52464e43
#define SBI_EXT_HSM    0x48534d
#define SBI_EXT_SRST   0x53525354

#define SBI_BASE_GET_SPEC_VERSION 0
#define SBI_BASE_PROBE_EXTENSION  3

#define SBI_IPI_SEND_IPI     0
#define SBI_RFENCE_FENCE_I   0

#define SBI_HSM_HART_START      0
#define SBI_HSM_HART_STOP       1
#define SBI_HSM_HART_GET_STATUS 2
#define SBI_HSM_STATE_STARTED   0
#define SBI_HSM_STATE_STOPPED   1

#define SBI_SRST_SYSTEM_RESET 0
#define SBI_SRST_SHUTDOWN     0
#define SBI_SRST_COLD_REBOOT  1

struct sbiret {
	long error;
	long value;
};

static inline struct sbiret sbi_call(uint64_t eid, uint64_t fid, uint64_t arg0, uint64_t arg1,
				     uint64_t arg2, uint64_t arg3, uint64_t arg4, uint64_t arg5)
{
	register uint64_t a0 __asm__("a0") = arg0;
	register uint64_t a1 __asm__("a1") = arg1;
	register uint64_t a2 __asm__("a2") = arg2;
	register uint64_t a3 __asm__("a3") = arg3;
	register uint64_t a4 __asm__("a4") = arg4;
	register uint64_t a5 __asm__("a5") = arg5;
	register uint64_t a6 __asm__("a6") = fid;
	register uint64_t a7 __asm__("a7") = eid;

	/* "memory": the SBI may write guest memory named by the arguments. */
	__asm__ volatile("ecall"
			 : "+r"(a0), "+r"(a1)
			 : "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a6), "r"(a7)
			 : "memory");
	return (struct sbiret){ (long)a0, (long)a1 };
}

static inline struct sbiret sbi_call2(uint64_t eid, uint64_t fid, uint64_t arg0, uint64_t arg1)
{
	return sbi_call(eid, fid, arg0, arg1, 0, 0, 0, 0);
}

#endif
