/* EL1 vectors for the instruction-abort checks: a jump to an unmapped
 * address cannot resume at ELR + 4 as vectors.S does, so the synchronous
 * vector returns to the link register of the `blr` that jumped there. It
 * touches x16 and x17 only, which the jumping code gives up. */

	.section .text.vectors, "ax"
	.balign	0x800
	.global	iabt_return_vectors
iabt_return_vectors:
	.balign	0x80		/* current EL, SP_EL0 */
	b	.
	.balign	0x80
	b	.
	.balign	0x80
	b	.
	.balign	0x80
	b	.

	.balign	0x80		/* current EL, SP_ELx: synchronous */
	mrs	x16, esr_el1
	adrp	x17, iabt_last_esr
	str	x16, [x17, :lo12:iabt_last_esr]
	adrp	x17, iabt_count
	ldr	x16, [x17, :lo12:iabt_count]
	add	x16, x16, #1
	str	x16, [x17, :lo12:iabt_count]
	msr	elr_el1, x30
	eret
