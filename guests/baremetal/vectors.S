/* EL1 exception vectors. A synchronous exception at EL1 is how an injected
 * data abort arrives: record it and resume after the faulting instruction,
 * so one probe load can test the hypervisor's abort delivery. Every other
 * vector means the guest has gone wrong and is reported by C code. */

#include "unexpected_vector.S.h"

	.section .text.vectors, "ax"
	.balign	0x800
	.global	exception_vectors
exception_vectors:
	unexpected_vector 0	/* current EL, SP_EL0 */
	unexpected_vector 1
	unexpected_vector 2
	unexpected_vector 3

	.balign	0x80		/* current EL, SP_ELx: synchronous */
	b	record_sync_exception
	unexpected_vector 5
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

/* Only x0 and x1 are touched and both are restored, so the interrupted code
 * sees nothing but the skipped instruction. */
record_sync_exception:
	stp	x0, x1, [sp, #-16]!
	mrs	x0, esr_el1
	adrp	x1, sync_esr
	str	x0, [x1, :lo12:sync_esr]
	mrs	x0, far_el1
	adrp	x1, sync_far
	str	x0, [x1, :lo12:sync_far]
	mov	x0, #1
	adrp	x1, sync_taken
	str	x0, [x1, :lo12:sync_taken]
	mrs	x0, elr_el1
	add	x0, x0, #4
	msr	elr_el1, x0
	ldp	x0, x1, [sp], #16
	eret
