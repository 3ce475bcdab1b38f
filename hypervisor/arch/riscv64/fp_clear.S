/* The FP registers at their reset values (zero) for a vCPU's first run;
 * the hypervisor's C code never touches them. The writes leave
 * sstatus.FS Dirty: it is set back to Initial, which the zeros are. */
#include <asm/csr.h>

	.option	push
	.option	arch, +d
	.text
	.global	fp_clear
fp_clear:
	li	t0, SSTATUS_FS
	csrc	sstatus, t0
	li	t0, SSTATUS_FS_INITIAL
	csrs	sstatus, t0
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	fmv.d.x	f\n, zero
	.endr
	fscsr	zero
	li	t0, SSTATUS_FS
	csrc	sstatus, t0
	li	t0, SSTATUS_FS_INITIAL
	csrs	sstatus, t0
	ret
	.option	pop
