/* Control and status registers of the supervisor and hypervisor extensions
 * (RISC-V privileged specification 1.12, chapters 4 and 8), by number: gcc 12
 * knows no H extension, and numbers need no assembler support. */
#ifndef ASM_CSR_H
#define ASM_CSR_H

#ifdef __ASSEMBLER__
#define CSR_UL(x) x
#else
#define CSR_UL(x) x##UL
#endif

#define CSR_SSTATUS    0x100
#define CSR_SIE        0x104
#define CSR_STVEC      0x105
#define CSR_SSCRATCH   0x140
#define CSR_SEPC       0x141
#define CSR_SCAUSE     0x142
#define CSR_STVAL      0x143
#define CSR_SIP        0x144
#define CSR_SATP       0x180
#define CSR_VSSTATUS   0x200
#define CSR_VSIE       0x204
#define CSR_VSTVEC     0x205
#define CSR_VSSCRATCH  0x240
#define CSR_VSEPC      0x241
#define CSR_VSCAUSE    0x242
#define CSR_VSTVAL     0x243
#define CSR_VSIP       0x244
#define CSR_VSTIMECMP  0x24d
#define CSR_VSATP      0x280
#define CSR_HSTATUS    0x600
#define CSR_HEDELEG    0x602
#define CSR_HIDELEG    0x603
#define CSR_HIE        0x604
#define CSR_HTIMEDELTA 0x605
#define CSR_HCOUNTEREN 0x606
#define CSR_HGEIE      0x607
#define CSR_HENVCFG    0x60a
#define CSR_HTVAL      0x643
#define CSR_HIP        0x644
#define CSR_HVIP       0x645
#define CSR_HTINST     0x64a
#define CSR_HGATP      0x680
#define CSR_TIME       0xc01

#define SSTATUS_SIE    (CSR_UL(1) << 1)
#define SSTATUS_SPIE   (CSR_UL(1) << 5)
#define SSTATUS_SPP    (CSR_UL(1) << 8)
#define SSTATUS_FS     (CSR_UL(3) << 13)
#define SSTATUS_FS_INITIAL (CSR_UL(1) << 13)
#define SSTATUS_FS_DIRTY   (CSR_UL(3) << 13)
#define SSTATUS_UXL_64 (CSR_UL(2) << 32)

#define HSTATUS_GVA    (CSR_UL(1) << 6)
#define HSTATUS_SPV    (CSR_UL(1) << 7)
#define HSTATUS_SPVP   (CSR_UL(1) << 8)
#define HSTATUS_VSXL_64 (CSR_UL(2) << 32)

#define HENVCFG_STCE   (CSR_UL(1) << 63)

/* hgatp: Sv39x4 (mode 8), a 14-bit VMID at bit 44, the root's page number. */
#define HGATP_MODE_SV39X4 (CSR_UL(8) << 60)
#define HGATP_VMID_SHIFT  44

#define SATP_MODE_SV39 (CSR_UL(8) << 60)

/* Interrupt numbers: bits of sip/sie/hip/hvip, and scause codes with
 * SCAUSE_INTERRUPT set. */
#define IRQ_S_SOFT     1
#define IRQ_VS_SOFT    2
#define IRQ_S_TIMER    5
#define IRQ_VS_TIMER   6
#define IRQ_S_EXT      9
#define IRQ_VS_EXT     10
#define SCAUSE_INTERRUPT (CSR_UL(1) << 63)

/* Exception codes (scause with SCAUSE_INTERRUPT clear). */
#define EXC_INSN_MISALIGNED    0
#define EXC_INSN_ACCESS        1
#define EXC_ILLEGAL_INSN       2
#define EXC_BREAKPOINT         3
#define EXC_LOAD_MISALIGNED    4
#define EXC_LOAD_ACCESS        5
#define EXC_STORE_MISALIGNED   6
#define EXC_STORE_ACCESS       7
#define EXC_ECALL_U            8
#define EXC_ECALL_S            9    /* from HS: the hypervisor's own */
#define EXC_ECALL_VS           10
#define EXC_INSN_PAGE_FAULT    12
#define EXC_LOAD_PAGE_FAULT    13
#define EXC_STORE_PAGE_FAULT   15
#define EXC_INSN_GUEST_PAGE_FAULT  20
#define EXC_LOAD_GUEST_PAGE_FAULT  21
#define EXC_VIRTUAL_INSN           22
#define EXC_STORE_GUEST_PAGE_FAULT 23
#define EXC_COUNT                  24

#ifndef __ASSEMBLER__
#include <stdint.h>

#define CSR_STR(x) #x
#define CSR_NAME(csr) CSR_STR(csr)

#define csr_read(csr) ({ \
	uint64_t csr_value_; \
	__asm__ volatile("csrr %0, " CSR_NAME(csr) : "=r"(csr_value_) : : "memory"); \
	csr_value_; \
})

#define csr_write(csr, value) \
	__asm__ volatile("csrw " CSR_NAME(csr) ", %0" : : "rK"((uint64_t)(value)) : "memory")

#define csr_set(csr, bits) \
	__asm__ volatile("csrs " CSR_NAME(csr) ", %0" : : "rK"((uint64_t)(bits)) : "memory")

#define csr_clear(csr, bits) \
	__asm__ volatile("csrc " CSR_NAME(csr) ", %0" : : "rK"((uint64_t)(bits)) : "memory")

#define csr_swap(csr, value) ({ \
	uint64_t csr_old_; \
	__asm__ volatile("csrrw %0, " CSR_NAME(csr) ", %1" \
			 : "=r"(csr_old_) : "rK"((uint64_t)(value)) : "memory"); \
	csr_old_; \
})
#endif

#endif
