/* Guest (or hypervisor) registers saved on exception entry to EL2. EL1 system
 * registers are not saved: each physical CPU runs one vCPU, so they stay live. */
#ifndef ASM_TRAP_FRAME_H
#define ASM_TRAP_FRAME_H

#define FRAME_SIZE 272
#define CPU_STACK_SIZE 16384

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <stdnoreturn.h>

struct trap_frame {
	uint64_t x[31];
	uint64_t elr;
	uint64_t spsr;
	uint64_t pad;
};

_Static_assert(sizeof(struct trap_frame) == FRAME_SIZE, "trap_frame layout is shared with entry.S");

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
