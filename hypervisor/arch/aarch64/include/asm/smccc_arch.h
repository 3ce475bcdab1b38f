/* SMCCC's Arm architecture calls (ARCH_FEATURES, ARCH_WORKAROUND_1/2/3) as
 * the machine's firmware answers them (smccc_arch.c). */
#ifndef ASM_SMCCC_ARCH_H
#define ASM_SMCCC_ARCH_H

#include <stdint.h>

/* Asks the firmware, once at boot before any zone runs, whether it speaks
 * SMCCC 1.1 and so can be asked about the workarounds. */
void smccc_arch_probe_firmware(void);

/* SMCCC_ARCH_FEATURES(fid) as a zone is told on the calling CPU. */
int64_t smccc_arch_features(uint64_t fid);

/* A zone's SMCCC_ARCH_WORKAROUND_1/2/3 call with argument `arg`, made on
 * physical CPU `cpu`, the calling one. */
int64_t smccc_arch_workaround(unsigned cpu, uint64_t fid, uint64_t arg);

/* Before a vCPU starts on physical CPU `cpu`, the calling one: puts back
 * the firmware's default for what an earlier zone's call changed. */
void smccc_arch_restore_defaults(unsigned cpu);

#endif
