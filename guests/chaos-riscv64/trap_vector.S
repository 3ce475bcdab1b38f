/* The chaos guest's trap vector: every exception is survivable. It resumes
 * after the faulting instruction, or, for a jump the guest made on
 * purpose, at jump_recovered; chaos_trap() (C) counts it and decides.
 * Interrupts stay off throughout, so one arriving means a bug: reported
 * by trap_unexpected, which stops. */

	.text
	.balign	4
	.global	chaos_trap_vector
chaos_trap_vector:
	addi	sp, sp, -128
	sd	ra, 0(sp)
	sd	t0, 8(sp)
	sd	t1, 16(sp)
	sd	t2, 24(sp)
	sd	a0, 32(sp)
	sd	a1, 40(sp)
	sd	a2, 48(sp)
	sd	a3, 56(sp)
	sd	a4, 64(sp)
	sd	a5, 72(sp)
	sd	a6, 80(sp)
	sd	a7, 88(sp)
	sd	t3, 96(sp)
	sd	t4, 104(sp)
	sd	t5, 112(sp)
	sd	t6, 120(sp)
	csrr	a0, scause
	bltz	a0, 1f			/* bit 63: an interrupt */
	csrr	a1, sepc
	call	chaos_trap
	csrw	sepc, a0
	ld	ra, 0(sp)
	ld	t0, 8(sp)
	ld	t1, 16(sp)
	ld	t2, 24(sp)
	ld	a0, 32(sp)
	ld	a1, 40(sp)
	ld	a2, 48(sp)
	ld	a3, 56(sp)
	ld	a4, 64(sp)
	ld	a5, 72(sp)
	ld	a6, 80(sp)
	ld	a7, 88(sp)
	ld	t3, 96(sp)
	ld	t4, 104(sp)
	ld	t5, 112(sp)
	ld	t6, 120(sp)
	addi	sp, sp, 128
	sret

1:	csrr	a1, sepc
	csrr	a2, stval
	tail	trap_unexpected

/* jump_to(target): jumps to an address that cannot run; the fault's
 * handler resumes at jump_recovered, which returns to the caller with ra
 * and sp as they were (jr changes neither). */
	.global	jump_to
	.global	jump_recovered
jump_to:
	jr	a0
jump_recovered:
	ret
