/* The guest's vector once interrupts are on: the time is read first, so
 * the rows end at the vector's entry; then interrupt_taken(ticks, scause)
 * with the caller-saved registers kept. Exceptions go on to the library's
 * recording vector with every register as it was. */

	.text
	.balign	4
	.global	interrupt_vector
interrupt_vector:
	addi	sp, sp, -128
	sd	a0, 0(sp)
	rdtime	a0
	sd	a1, 8(sp)
	csrr	a1, scause
	bgez	a1, 1f
	sd	ra, 16(sp)
	sd	t0, 24(sp)
	sd	t1, 32(sp)
	sd	t2, 40(sp)
	sd	t3, 48(sp)
	sd	t4, 56(sp)
	sd	t5, 64(sp)
	sd	t6, 72(sp)
	sd	a2, 80(sp)
	sd	a3, 88(sp)
	sd	a4, 96(sp)
	sd	a5, 104(sp)
	sd	a6, 112(sp)
	sd	a7, 120(sp)
	call	interrupt_taken
	ld	ra, 16(sp)
	ld	t0, 24(sp)
	ld	t1, 32(sp)
	ld	t2, 40(sp)
	ld	t3, 48(sp)
	ld	t4, 56(sp)
	ld	t5, 64(sp)
	ld	t6, 72(sp)
	ld	a2, 80(sp)
	ld	a3, 88(sp)
	ld	a4, 96(sp)
	ld	a5, 104(sp)
	ld	a6, 112(sp)
	ld	a7, 120(sp)
	ld	a0, 0(sp)
	ld	a1, 8(sp)
	addi	sp, sp, 128
	sret

1:	ld	a0, 0(sp)
	ld	a1, 8(sp)
	addi	sp, sp, 128
	j	trap_vector
