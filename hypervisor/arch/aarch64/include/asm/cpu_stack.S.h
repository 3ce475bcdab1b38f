/* For assembly only: the per-CPU stacks (cpu_stacks in cpu.c). */
#ifndef ASM_CPU_STACK_S_H
#define ASM_CPU_STACK_S_H

#include <asm/trap_frame.h>

/* dst = top of the stack of CPU `cpu` */
.macro cpu_stack_top dst, cpu, tmp
	adrp	\dst, cpu_stacks
	add	\dst, \dst, :lo12:cpu_stacks
	mov	\tmp, #CPU_STACK_SIZE
	madd	\dst, \cpu, \tmp, \dst
	add	\dst, \dst, \tmp
.endm

#endif
