/* The guests' trap vector (stvec, direct mode). An exception is how the
 * hypervisor's refusal of a load or store arrives: record scause, stval
 * and sepc, and resume after the faulting instruction (2 or 4 bytes, read
 * from sepc), so one probe instruction can test what the guest is given.
 * An interrupt means the guest has gone wrong (it runs with interrupts
 * off) and is reported by C code. */

	.text
	.balign	4
	.global	trap_vector
trap_vector:
	addi	sp, sp, -32
	sd	t0, 0(sp)
	sd	t1, 8(sp)
	sd	t2, 16(sp)
	csrr	t0, scause
	bltz	t0, 2f			/* bit 63: an interrupt */
	la	t1, trap_scause
	sd	t0, 0(t1)
	csrr	t0, stval
	la	t1, trap_stval
	sd	t0, 0(t1)
	csrr	t0, sepc
	la	t1, trap_sepc
	sd	t0, 0(t1)
	li	t2, 1
	la	t1, trap_taken
	sd	t2, 0(t1)

	/* A 32-bit instruction has both low bits set; a compressed one does not. */
	lhu	t1, 0(t0)
	andi	t1, t1, 3
	addi	t0, t0, 2
	li	t2, 3
	bne	t1, t2, 1f
	addi	t0, t0, 2
1:	csrw	sepc, t0
	ld	t0, 0(sp)
	ld	t1, 8(sp)
	ld	t2, 16(sp)
	addi	sp, sp, 32
	sret

2:	csrr	a0, scause
	csrr	a1, sepc
	csrr	a2, stval
	tail	trap_unexpected
