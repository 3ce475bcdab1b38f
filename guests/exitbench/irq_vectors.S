/* EL1 vectors while the benchmark runs. The IRQ vector reads the counter
 * as its second instruction, right after freeing a register for it, so the
 * timer row measures delivery up to the handler and nothing of the handler.
 * Every other vector means the guest has gone wrong and is reported. */

#include "unexpected_vector.S.h"

	.section .text.vectors, "ax"
	.balign	0x800
	.global	irq_vectors
irq_vectors:
	unexpected_vector 0	/* current EL, SP_EL0 */
	unexpected_vector 1
	unexpected_vector 2
	unexpected_vector 3

	unexpected_vector 4	/* current EL, SP_ELx */
	.balign	0x80		/* IRQ */
	stp	x0, x1, [sp, #-16]!
	mrs	x0, cntvct_el0
	b	irq_entry
	unexpected_vector 6
	unexpected_vector 7

	unexpected_vector 8	/* lower EL, AArch64 */
	unexpected_vector 9
	unexpected_vector 10
	unexpected_vector 11

	unexpected_vector 12	/* lower EL, AArch32 */
	unexpected_vector 13
	unexpected_vector 14
	unexpected_vector 15

/* x0 holds the entry time for irq_handle. The caller-saved registers are
 * saved around it; IRQs stay masked in the handler, so ELR and SPSR are
 * not overwritten before the eret. */
irq_entry:
	sub	sp, sp, #160
	stp	x2, x3, [sp, #0]
	stp	x4, x5, [sp, #16]
	stp	x6, x7, [sp, #32]
	stp	x8, x9, [sp, #48]
	stp	x10, x11, [sp, #64]
	stp	x12, x13, [sp, #80]
	stp	x14, x15, [sp, #96]
	stp	x16, x17, [sp, #112]
	stp	x18, x29, [sp, #128]
	str	x30, [sp, #144]
	bl	irq_handle
	ldp	x2, x3, [sp, #0]
	ldp	x4, x5, [sp, #16]
	ldp	x6, x7, [sp, #32]
	ldp	x8, x9, [sp, #48]
	ldp	x10, x11, [sp, #64]
	ldp	x12, x13, [sp, #80]
	ldp	x14, x15, [sp, #96]
	ldp	x16, x17, [sp, #112]
	ldp	x18, x29, [sp, #128]
	ldr	x30, [sp, #144]
	add	sp, sp, #160
	ldp	x0, x1, [sp], #16
	eret
