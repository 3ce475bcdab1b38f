/* Entry from the hypervisor: EL1h, MMU off, DAIF masked, x0 = DTB address
 * (unused: everything a guest needs is fixed by its zone's configuration). */

	.section .text.start, "ax"
	.global _start
_start:
	adrp	x1, stack_top
	add	x1, x1, :lo12:stack_top
	mov	sp, x1

	adrp	x1, exception_vectors
	add	x1, x1, :lo12:exception_vectors
	msr	vbar_el1, x1
	isb

	/* Plain stores: DC ZVA would fault on Device memory. The stack lives in
	 * .bss too, which is fine because nothing has used it yet. */
	adrp	x1, __bss_start
	add	x1, x1, :lo12:__bss_start
	adrp	x2, __bss_end
	add	x2, x2, :lo12:__bss_end
1:	cmp	x1, x2
	b.hs	2f
	stp	xzr, xzr, [x1], #16
	b	1b

2:	b	main		/* never returns */

	.section .bss.stack, "aw", %nobits
	.balign 16
	.space	16384
stack_top:
