/* Registers saved on a trap into HS mode (trap_entry.S), and the per-hart
 * block that tp points at while the hypervisor runs. VS-mode CSRs are not
 * saved: each physical hart runs one vCPU, so they stay live. */
#ifndef ASM_TRAP_FRAME_H
#define ASM_TRAP_FRAME_H

#define FRAME_SIZE     288
#define FRAME_SEPC     256
#define FRAME_SSTATUS  264
#define FRAME_HSTATUS  272

/* struct hart_local's fields, for assembly. */
#define HL_CPU         0
#define HL_HART_ID     8
#define HL_STACK_TOP   16
#define HL_FAULT_STACK_TOP 24
#define HL_SCRATCH     32
#define HL_SIZE        64

/* Each hart's stack sits in a slot of cpu_stacks (cpu.c) above a guard page
 * that the hypervisor's map leaves out (mmu.c), so an overflow faults at
 * once; traps taken in HS mode are reported on a fault stack of their own. */
#define CPU_STACK_SIZE       16384
#define CPU_STACK_GUARD_SIZE 4096
#define CPU_STACK_SLOT       (CPU_STACK_GUARD_SIZE + CPU_STACK_SIZE)
#define CPU_FAULT_STACK_SHIFT 12
#define CPU_FAULT_STACK_SIZE  (1 << CPU_FAULT_STACK_SHIFT)

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <stdnoreturn.h>

#include "platform.h"

struct trap_frame {
	uint64_t x[32];     /* x[n] is register xn; x[0] is unused and reads 0 */
	uint64_t sepc;
	uint64_t sstatus;   /* SPP: the privilege to return to */
	uint64_t hstatus;   /* SPV: whether that is a guest's */
	uint64_t unused;    /* keeps the frame 16-byte aligned */
};

_Static_assert(sizeof(struct trap_frame) == FRAME_SIZE, "trap_frame layout is shared with assembly");
_Static_assert(__builtin_offsetof(struct trap_frame, sepc) == FRAME_SEPC, "trap_frame.sepc");
_Static_assert(__builtin_offsetof(struct trap_frame, sstatus) == FRAME_SSTATUS, "trap_frame.sstatus");
_Static_assert(__builtin_offsetof(struct trap_frame, hstatus) == FRAME_HSTATUS, "trap_frame.hstatus");

/* tp holds this hart's block in HS mode; sscratch holds it while a guest
 * runs and is 0 in HS mode, which is how the trap vector tells a guest's
 * trap from the hypervisor's own. */
struct hart_local {
	uint64_t cpu;
	uint64_t hart_id;
	uint64_t stack_top;
	uint64_t fault_stack_top;
	uint64_t scratch;           /* the interrupted sp, during trap entry */
	uint32_t vssip_pending;     /* an IPI for the guest (sbi_ipi.c) */
	uint32_t unused[5];
};

_Static_assert(sizeof(struct hart_local) == HL_SIZE, "hart_local layout is shared with assembly");
_Static_assert(__builtin_offsetof(struct hart_local, hart_id) == HL_HART_ID, "hart_local.hart_id");
_Static_assert(__builtin_offsetof(struct hart_local, stack_top) == HL_STACK_TOP,
	       "hart_local.stack_top");
_Static_assert(__builtin_offsetof(struct hart_local, fault_stack_top) == HL_FAULT_STACK_TOP,
	       "hart_local.fault_stack_top");
_Static_assert(__builtin_offsetof(struct hart_local, scratch) == HL_SCRATCH, "hart_local.scratch");

extern struct hart_local hart_locals[MAX_CPUS];
extern uint8_t cpu_stacks[][CPU_STACK_SLOT];

static inline struct hart_local *this_hart(void)
{
	struct hart_local *local;

	__asm__("mv %0, tp" : "=r"(local));
	return local;
}

static inline uint64_t frame_reg(const struct trap_frame *f, unsigned n)
{
	return n ? f->x[n] : 0;
}

static inline void frame_set_reg(struct trap_frame *f, unsigned n, uint64_t value)
{
	if (n)
		f->x[n] = value;
}

/* Loads the frame into the registers, resets this hart's stack and returns
 * to the guest with sret. */
noreturn void enter_guest(const struct trap_frame *frame);
#endif

#endif
