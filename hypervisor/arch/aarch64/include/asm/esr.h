/* Exception Syndrome Register fields (ESR_EL2 / ESR_EL1). */
#ifndef ASM_ESR_H
#define ASM_ESR_H

#define ESR_EC_SHIFT      26
#define ESR_EC(esr)       (((esr) >> ESR_EC_SHIFT) & 0x3f)
#define ESR_IL            (1ULL << 25)
#define ESR_ISS(esr)      ((esr) & 0x1ffffff)

#define EC_UNKNOWN        0x00
#define EC_WFX            0x01
#define EC_SIMD_FP        0x07
#define EC_ILLEGAL_STATE  0x0e
#define EC_SVC64          0x15
#define EC_HVC64          0x16
#define EC_SMC64          0x17
#define EC_SYS64          0x18
#define EC_IABT_LOW       0x20
#define EC_IABT_CUR       0x21
#define EC_PC_ALIGN       0x22
#define EC_DABT_LOW       0x24
#define EC_DABT_CUR       0x25
#define EC_SP_ALIGN       0x26
#define EC_SERROR         0x2f
#define EC_BRK64          0x3c
#define EC_COUNT          64

/* Data abort ISS */
#define DABT_ISV          (1ULL << 24)
#define DABT_SAS_SHIFT    22
#define DABT_SSE          (1ULL << 21)
#define DABT_SRT_SHIFT    16
#define DABT_SF           (1ULL << 15)
#define DABT_S1PTW        (1ULL << 7)
#define DABT_WNR          (1ULL << 6)

/* Fault status code: synchronous external abort, not on a table walk. */
#define FSC_SYNC_EXTERNAL 0x10

/* HVC/SMC ISS: the immediate */
#define ESR_IMM16(esr)    ((esr) & 0xffff)

#endif
