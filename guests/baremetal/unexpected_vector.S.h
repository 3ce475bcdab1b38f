/* For assembly only: a vector entry for an exception the guest never
 * expects; C code (exception_unexpected) reports it with its index. */
#ifndef BAREMETAL_UNEXPECTED_VECTOR_S_H
#define BAREMETAL_UNEXPECTED_VECTOR_S_H

	.macro	unexpected_vector index
	.balign	0x80
	mov	x0, #\index
	b	exception_unexpected
	.endm

#endif
