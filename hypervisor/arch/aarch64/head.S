/* Entry points: the boot CPU, entered like a Linux arm64 Image (x0 = host
 * DTB), and secondary CPUs, entered by PSCI CPU_ON (x0 = CPU index). Both
 * arrive at EL2 with the MMU off. */
#include <asm/cpu_stack.S.h>

	.section .text.head, "ax"
	b	primary_entry           /* code0 */
	.long	0                       /* code1 */
	.quad	0x400000                /* text_offset */
	.quad	__image_size            /* image_size */
	.quad	0x2                     /* flags: little-endian, 4 KiB pages */
	.quad	0, 0, 0                 /* res2 - res4 */
	.ascii	"ARM\x64"               /* magic */
	.long	0                       /* res5 */

/* x0 = CPU index: SP = top of that CPU's stack, TPIDR_EL2 = index. */
set_cpu_stack:
	msr	tpidr_el2, x0
	cpu_stack_top x1, x0, x2
	mov	sp, x1
	ret

set_vectors:
	adrp	x1, el2_vectors
	add	x1, x1, :lo12:el2_vectors
	msr	vbar_el2, x1
	isb
	ret

primary_entry:
	msr	daifset, #0xf
	mov	x19, x0
	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:	mov	x0, #0
	bl	set_cpu_stack
	bl	set_vectors
	bl	mmu_build_tables
	bl	mmu_enable
	mov	x0, x19
	bl	hv_primary_main
	b	.

	.global secondary_entry
secondary_entry:
	msr	daifset, #0xf
	mov	x19, x0
	bl	set_cpu_stack
	bl	set_vectors
	bl	mmu_enable
	mov	x0, x19
	bl	hv_secondary_main
	b	.
