/* For assembly only: the per-CPU stacks (cpu_stacks in cpu.c). */
#ifndef ASM_CPU_STACK_S_H
#define ASM_CPU_STACK_S_H

#include <asm/trap_frame.h>

/* dst = top of the stack of CPU `cpu` (the end of its slot) */
.macro cpu_stack_top dst, cpu, tmp
	adrp	\dst, cpu_stacks
	add	\dst, \dst, :lo12:cpu_stacks
	mov	\tmp, #CPU_STACK_SLOT
	madd	\dst, \cpu, \tmp, \dst
	add	\dst, \dst, \tmp
.endm

/* SP = top of this CPU's fault stack, computed in x0 and SP alone: the
 * other registers still hold what the fault report shows. */
.macro switch_to_fault_stack
	mrs	x0, tpidr_el2
	add	x0, x0, #1
	lsl	x0, x0, #CPU_FAULT_STACK_SHIFT
	mov	sp, x0
	adrp	x0, cpu_fault_stacks
	add	x0, x0, :lo12:cpu_fault_stacks
	add	sp, sp, x0
.endm

#endif
