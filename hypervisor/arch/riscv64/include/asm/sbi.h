/* The RISC-V Supervisor Binary Interface (SBI specification 1.0): extension
 * and function IDs, error codes. The hypervisor is a client of the
 * firmware's SBI (sbi_call.h) and the SBI implementation of its zones
 * (sbi_guest.h). */
#ifndef ASM_SBI_H
#define ASM_SBI_H

#define SBI_SUCCESS               0
#define SBI_ERR_FAILED            (-1)
#define SBI_ERR_NOT_SUPPORTED     (-2)
#define SBI_ERR_INVALID_PARAM     (-3)
#define SBI_ERR_DENIED            (-4)
#define SBI_ERR_INVALID_ADDRESS   (-5)
#define SBI_ERR_ALREADY_AVAILABLE (-6)
#define SBI_ERR_ALREADY_STARTED   (-7)
#define SBI_ERR_ALREADY_STOPPED   (-8)

/* Legacy extensions (SBI 0.1): each a function of its own, result in a0. */
#define SBI_LEGACY_SET_TIMER          0x00
#define SBI_LEGACY_CONSOLE_PUTCHAR    0x01
#define SBI_LEGACY_CONSOLE_GETCHAR    0x02
#define SBI_LEGACY_CLEAR_IPI          0x03
#define SBI_LEGACY_SEND_IPI           0x04
#define SBI_LEGACY_REMOTE_FENCE_I     0x05
#define SBI_LEGACY_REMOTE_SFENCE_VMA  0x06
#define SBI_LEGACY_REMOTE_SFENCE_VMA_ASID 0x07
#define SBI_LEGACY_SHUTDOWN           0x08
#define SBI_LEGACY_LAST               0x0f

#define SBI_EXT_BASE   0x10
#define SBI_EXT_TIME   0x54494d45
#define SBI_EXT_IPI    0x735049
#define SBI_EXT_RFENCE 0x52464e43
#define SBI_EXT_HSM    0x48534d
#define SBI_EXT_SRST   0x53525354

#define SBI_BASE_GET_SPEC_VERSION 0
#define SBI_BASE_GET_IMPL_ID      1
#define SBI_BASE_GET_IMPL_VERSION 2
#define SBI_BASE_PROBE_EXTENSION  3
#define SBI_BASE_GET_MVENDORID    4
#define SBI_BASE_GET_MARCHID      5
#define SBI_BASE_GET_MIMPID       6

#define SBI_TIME_SET_TIMER 0

#define SBI_IPI_SEND_IPI 0

#define SBI_RFENCE_FENCE_I          0
#define SBI_RFENCE_SFENCE_VMA       1
#define SBI_RFENCE_SFENCE_VMA_ASID  2
#define SBI_RFENCE_HFENCE_GVMA_VMID 3
#define SBI_RFENCE_HFENCE_GVMA      4
#define SBI_RFENCE_HFENCE_VVMA_ASID 5
#define SBI_RFENCE_HFENCE_VVMA      6

#define SBI_HSM_HART_START      0
#define SBI_HSM_HART_STOP       1
#define SBI_HSM_HART_GET_STATUS 2
#define SBI_HSM_HART_SUSPEND    3

#define SBI_HSM_STATE_STARTED       0
#define SBI_HSM_STATE_STOPPED       1
#define SBI_HSM_STATE_START_PENDING 2

#define SBI_HSM_SUSPEND_RETENTIVE       0x00000000u
#define SBI_HSM_SUSPEND_NON_RETENTIVE   0x80000000u
#define SBI_HSM_SUSPEND_PLATFORM_FIRST  0xf0000000u

#define SBI_SRST_SYSTEM_RESET 0
#define SBI_SRST_SHUTDOWN     0
#define SBI_SRST_COLD_REBOOT  1
#define SBI_SRST_WARM_REBOOT  2

/* A hart mask argument naming every hart. */
#define SBI_HART_MASK_BASE_ALL (~0UL)

#ifndef __ASSEMBLER__
#include <stdint.h>

struct sbiret {
	int64_t error;
	uint64_t value;
};
#endif

#endif
