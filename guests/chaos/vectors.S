/* The chaos guest's EL1 vectors: every exception is survivable. A
 * synchronous one resumes after the faulting instruction, or, for a jump
 * the guest made on purpose, at jump_recovered; chaos_exception() (C)
 * counts it and decides. Interrupts stay masked throughout, so the other
 * vectors mean a bug: they report and stop. */

	.macro	stop_vector index
	.balign	0x80
	mov	x0, #\index
	b	exception_unexpected
	.endm

	.macro	sync_vector
	.balign	0x80
	b	chaos_sync
	.endm

	.section .text.vectors, "ax"
	.balign	0x800
	.global	chaos_vectors
chaos_vectors:
	sync_vector		/* current EL, SP_EL0 */
	stop_vector 1
	stop_vector 2
	stop_vector 3
	sync_vector		/* current EL, SP_ELx */
	stop_vector 5
	stop_vector 6
	stop_vector 7
	stop_vector 8
	stop_vector 9
	stop_vector 10
	stop_vector 11
	stop_vector 12
	stop_vector 13
	stop_vector 14
	stop_vector 15

/* Saves what a C call may clobber, so the interrupted code sees nothing
 * but the new ELR. */
chaos_sync:
	sub	sp, sp, #176
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x29, [sp, #144]
	str	x30, [sp, #160]
	mrs	x0, esr_el1
	mrs	x1, elr_el1
	bl	chaos_exception
	msr	elr_el1, x0
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x29, [sp, #144]
	ldr	x30, [sp, #160]
	add	sp, sp, #176
	eret

/* jump_to(target): branches to an address that cannot run; the fault's
 * handler resumes at jump_recovered, which returns to the caller with x30
 * and sp as they were (the branch changes neither). */
	.text
	.balign	4
	.global	jump_to
	.global	jump_recovered
jump_to:
	br	x0
jump_recovered:
	ret
