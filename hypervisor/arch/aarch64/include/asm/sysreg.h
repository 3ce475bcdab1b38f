/* System register access by architectural name. */
#ifndef ASM_SYSREG_H
#define ASM_SYSREG_H

#include <stdint.h>

#define read_sysreg(reg) ({ \
	uint64_t __val; \
	__asm__ volatile("mrs %0, " #reg : "=r"(__val)); \
	__val; \
})

#define write_sysreg(reg, val) \
	__asm__ volatile("msr " #reg ", %0" : : "r"((uint64_t)(val)) : "memory")

/* GICv3 CPU interface registers by encoding, for assemblers that lack the names. */
#define ICC_SRE_EL2     S3_4_C12_C9_5
#define ICC_SRE_EL1     S3_0_C12_C12_5
#define ICC_CTLR_EL1    S3_0_C12_C12_4
#define ICC_PMR_EL1     S3_0_C4_C6_0
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7
#define ICC_IAR1_EL1    S3_0_C12_C12_0
#define ICC_EOIR1_EL1   S3_0_C12_C12_1
#define ICC_DIR_EL1     S3_0_C12_C11_1
#define ICC_SGI1R_EL1   S3_0_C12_C11_5
#define ICH_HCR_EL2     S3_4_C12_C11_0
#define ICH_VTR_EL2     S3_4_C12_C11_1
#define ICH_MISR_EL2    S3_4_C12_C11_2
#define ICH_ELRSR_EL2   S3_4_C12_C11_5
#define ICH_VMCR_EL2    S3_4_C12_C11_7
#define ICH_AP1R0_EL2   S3_4_C12_C9_0
#define ICH_AP0R0_EL2   S3_4_C12_C8_0
#define ICH_LR0_EL2     S3_4_C12_C12_0
#define ICH_LR1_EL2     S3_4_C12_C12_1
#define ICH_LR2_EL2     S3_4_C12_C12_2
#define ICH_LR3_EL2     S3_4_C12_C12_3
/* RAS extension: the syndrome of a virtual SError. */
#define VSESR_EL2       S3_4_C5_C2_3

#define isb()        __asm__ volatile("isb" : : : "memory")
#define dsb(opt)     __asm__ volatile("dsb " #opt : : : "memory")
#define wfi()        __asm__ volatile("wfi" : : : "memory")
#define wfe()        __asm__ volatile("wfe" : : : "memory")
#define sev()        __asm__ volatile("sev" : : : "memory")

/* HCR_EL2 */
#define HCR_VM      (1ULL << 0)
#define HCR_SWIO    (1ULL << 1)
#define HCR_FMO     (1ULL << 3)
#define HCR_IMO     (1ULL << 4)
#define HCR_AMO     (1ULL << 5)
#define HCR_VSE     (1ULL << 8)
#define HCR_BSU_IS  (1ULL << 10)
#define HCR_TSC     (1ULL << 19)
#define HCR_TIDCP   (1ULL << 20)
#define HCR_TACR    (1ULL << 21)
#define HCR_RW      (1ULL << 31)
#define HCR_TERR    (1ULL << 36)

/* MDCR_EL2; HPMN is bits [4:0] */
#define MDCR_TPM       (1ULL << 6)
#define MDCR_TDOSA     (1ULL << 10)
#define MDCR_TDRA      (1ULL << 11)
#define MDCR_HPMD      (1ULL << 17)
#define MDCR_TTRF      (1ULL << 19)

/* PMCR_EL0 */
#define PMCR_E         (1ULL << 0)
#define PMCR_LP        (1ULL << 7)
#define PMCR_N(pmcr)   (((pmcr) >> 11) & 0x1f)

/* ID registers */
#define ID_AA64PFR0_EL3(pfr0)       (((pfr0) >> 12) & 0xf)
#define ID_AA64PFR0_RAS(pfr0)       (((pfr0) >> 28) & 0xf)
#define ID_AA64DFR0_TRACEVER(dfr0)  (((dfr0) >> 4) & 0xf)
#define ID_AA64DFR0_PMUVER(dfr0)    (((dfr0) >> 8) & 0xf)
#define ID_AA64DFR0_TRACEFILT(dfr0) (((dfr0) >> 40) & 0xf)
#define PMUVER_V3P1                 4
#define PMUVER_V3P5                 6
#define PMUVER_IMPDEF               0xf

/* SPSR / PSTATE */
#define PSR_MODE_MASK 0xfULL
#define PSR_MODE_EL0t 0x0ULL
#define PSR_MODE_EL1t 0x4ULL
#define PSR_MODE_EL1h 0x5ULL
#define PSR_MODE_AARCH32 (1ULL << 4)
#define PSR_DAIF_MASK (0xfULL << 6)

/* SCTLR_ELx */
#define SCTLR_M     (1ULL << 0)
#define SCTLR_C     (1ULL << 2)
#define SCTLR_SA    (1ULL << 3)
#define SCTLR_I     (1ULL << 12)
#define SCTLR_EL2_RES1 0x30c50830ULL
#define SCTLR_EL1_RES1 0x30d00800ULL

/* CNTHCTL_EL2: EL1 may use the physical counter and timer directly. */
#define CNTHCTL_EL1PCTEN (1ULL << 0)
#define CNTHCTL_EL1PCEN  (1ULL << 1)

#define CPTR_EL2_RES1 0x33ffULL
#define CPTR_EL2_TTA  (1ULL << 20)

#define MPIDR_AFFINITY_MASK 0xff00ffffffULL

#endif
