/* SMC Calling Convention and PSCI function identifiers and return codes. */
#ifndef ASM_SMCCC_H
#define ASM_SMCCC_H

#include <stdint.h>

#define SMCCC_VERSION            0x80000000u
#define SMCCC_ARCH_FEATURES      0x80000001u
#define SMCCC_ARCH_WORKAROUND_1  0x80008000u
#define SMCCC_ARCH_WORKAROUND_2  0x80007fffu
#define SMCCC_ARCH_WORKAROUND_3  0x80003fffu
#define SMCCC_VERSION_1_1        0x10001
#define SMCCC_SUCCESS            0
#define SMCCC_NOT_SUPPORTED      (-1LL)

#define PSCI_VERSION             0x84000000u
#define PSCI_CPU_SUSPEND_32      0x84000001u
#define PSCI_CPU_OFF             0x84000002u
#define PSCI_CPU_ON_32           0x84000003u
#define PSCI_AFFINITY_INFO_32    0x84000004u
#define PSCI_MIGRATE_INFO_TYPE   0x84000006u
#define PSCI_SYSTEM_OFF          0x84000008u
#define PSCI_SYSTEM_RESET        0x84000009u
#define PSCI_FEATURES            0x8400000au
#define PSCI_CPU_SUSPEND_64      0xc4000001u
#define PSCI_CPU_ON_64           0xc4000003u
#define PSCI_AFFINITY_INFO_64    0xc4000004u

#define PSCI_VERSION_1_0         0x10000
#define PSCI_VERSION_1_1         0x10001

#define PSCI_SUCCESS             0
#define PSCI_NOT_SUPPORTED       (-1)
#define PSCI_INVALID_PARAMETERS  (-2)
#define PSCI_DENIED              (-3)
#define PSCI_ALREADY_ON          (-4)
#define PSCI_ON_PENDING          (-5)
#define PSCI_INTERNAL_FAILURE    (-6)
#define PSCI_INVALID_ADDRESS     (-9)

#define PSCI_AFFINITY_ON         0
#define PSCI_AFFINITY_OFF        1
#define PSCI_AFFINITY_ON_PENDING 2

#define PSCI_MIGRATE_NOT_REQUIRED 2

struct trap_frame;
struct vcpu;

/* Emulates the SMCCC call in the frame's x0-x3 for the zone; result in x0. */
void smccc_handle(struct vcpu *vcpu, struct trap_frame *frame);

/* A call to the machine's own firmware (EL3, or QEMU's built-in PSCI). */
int64_t firmware_call(uint64_t fid, uint64_t arg0, uint64_t arg1, uint64_t arg2);

#endif
