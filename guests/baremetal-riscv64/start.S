/* Entry from the hypervisor as from SBI firmware: VS mode, address
 * translation off, interrupts off, a0 = hart id, a1 = the zone's DTB
 * (unused: everything a guest needs is fixed by its zone's configuration).
 * main(hart id) never returns. */

	.section .text.start, "ax"
	.global _start
_start:
	csrci	sstatus, 0x2		/* SIE: the guests run with interrupts off */
	la	sp, stack_top
	la	t0, trap_vector
	csrw	stvec, t0

	/* The stack lives in .bss too, which is fine: nothing has used it yet. */
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b

2:	tail	main

	.section .bss.stack, "aw", @nobits
	.balign 16
	.space	16384
stack_top:
