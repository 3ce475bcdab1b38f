/* Entry of a zone's further harts, started with SBI HSM hart_start whose
 * opaque argument (a1) is the top of the hart's own stack: the hart gets
 * the shared trap vector, then runs secondary_main(hart id), which the
 * guest defines and which never returns. */

	.text
	.balign	4
	.global	secondary_entry
secondary_entry:
	csrci	sstatus, 0x2
	mv	sp, a1
	la	t0, trap_vector
	csrw	stvec, t0
	tail	secondary_main
