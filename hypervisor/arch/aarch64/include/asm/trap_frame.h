/* Guest (or hypervisor) registers saved on exception entry to EL2. EL1 system
 * registers are not saved: each physical CPU runs one vCPU, so they stay live. */
#ifndef ASM_TRAP_FRAME_H
#define ASM_TRAP_FRAME_H

#define FRAME_SIZE 272
#define FRAME_SP   264

/* Which exception an EL2 vector took (entry.S), as its handlers are told. */
#define KIND_SYNC   0
#define KIND_IRQ    1
#define KIND_FIQ    2
#define KIND_SERROR 3

/* Each CPU's stack sits in a slot of cpu_stacks (cpu.c) above a guard page
 * that the EL2 map leaves out (mmu.c), so an overflow faults at once. */
#define CPU_STACK_SIZE       16384
#define CPU_STACK_GUARD_SIZE 4096
#define CPU_STACK_SLOT       (CPU_STACK_GUARD_SIZE + CPU_STACK_SIZE)
/* Exceptions taken from EL2 are reported on a fault stack of their own. */
#define CPU_FAULT_STACK_SHIFT 12
#define CPU_FAULT_STACK_SIZE  (1 << CPU_FAULT_STACK_SHIFT)

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <stdnoreturn.h>

struct trap_frame {
	uint64_t x[31];
	uint64_t elr;
	uint64_t spsr;
	uint64_t sp;        /* the interrupted SP, recorded for hypervisor faults only */
};

_Static_assert(sizeof(struct trap_frame) == FRAME_SIZE, "trap_frame layout is shared with entry.S");
_Static_assert(__builtin_offsetof(struct trap_frame, sp) == FRAME_SP,
	       "trap_frame layout is shared with entry.S");

extern uint8_t cpu_stacks[][CPU_STACK_SLOT];

/* Register n as an instruction operand: 31 is the zero register. */
static inline uint64_t frame_reg(const struct trap_frame *f, unsigned n)
{
	return n < 31 ? f->x[n] : 0;
}

static inline void frame_set_reg(struct trap_frame *f, unsigned n, uint64_t value)
{
	if (n < 31)
		f->x[n] = value;
}

/* Loads the frame into the registers, resets this CPU's stack and returns to
 * the guest with eret. */
noreturn void enter_guest(const struct trap_frame *frame);
#endif

#endif
