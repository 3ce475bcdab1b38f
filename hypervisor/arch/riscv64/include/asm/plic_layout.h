/* The register layout of a RISC-V PLIC (riscv-plic-spec, as QEMU's virt
 * board and the SiFive PLICs implement it), shared by the physical driver
 * and the virtual PLIC. */
#ifndef ASM_PLIC_LAYOUT_H
#define ASM_PLIC_LAYOUT_H

#define PLIC_MAX_SOURCES        1024        /* source 0 does not exist */
#define PLIC_SOURCE_WORDS       (PLIC_MAX_SOURCES / 32)
#define PLIC_MAX_CONTEXTS       15872

#define PLIC_PRIORITY_BASE      0x0         /* + 4 * source */
#define PLIC_PENDING_BASE       0x1000      /* + 4 * (source / 32) */
#define PLIC_ENABLE_BASE        0x2000      /* + 0x80 * context + 4 * (source / 32) */
#define PLIC_ENABLE_STRIDE      0x80
#define PLIC_CONTEXT_BASE       0x200000    /* + 0x1000 * context */
#define PLIC_CONTEXT_STRIDE     0x1000
#define PLIC_THRESHOLD          0x0         /* within a context's page */
#define PLIC_CLAIM_COMPLETE     0x4

/* QEMU virt's contexts: 2h is hart h's M mode, 2h + 1 its S mode. */
#define PLIC_S_CONTEXT(hart)    (2 * (hart) + 1)

#endif
