/* Entry of a guest's second vCPU, started with PSCI CPU_ON whose context
 * (x0) points at a struct secondary_start: the vCPU gets its own stack and
 * the shared exception vectors, then runs start->main. */

	.text
	.balign	4
	.global	secondary_entry
secondary_entry:
	ldr	x1, [x0]
	mov	sp, x1
	ldr	x2, [x0, #8]
	adrp	x1, exception_vectors
	add	x1, x1, :lo12:exception_vectors
	msr	vbar_el1, x1
	isb
	br	x2
