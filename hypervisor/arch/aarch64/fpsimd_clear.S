/* Zeroes the FP/SIMD registers and their control and status, so that a CPU
 * moving to another zone carries nothing of the previous one. The
 * hypervisor's C code never touches these registers (-mgeneral-regs-only). */
	.text
	.global fpsimd_clear
fpsimd_clear:
	.irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	movi	v\n\().2d, #0
	.endr
	msr	fpcr, xzr
	msr	fpsr, xzr
	ret
