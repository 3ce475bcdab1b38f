/* The trap vector of HS mode and the save/restore of a trap_frame.
 *
 * sscratch is 0 while the hypervisor runs and holds this hart's hart_local
 * while a guest runs: swapping it with tp tells the two apart and, for a
 * guest's trap, gives the hart's stack without touching any other register. */
#include <asm/trap_frame.h>

/* Every register but sp (x2) and tp (x4), which the caller saves. */
.macro save_gprs
	sd	x1, 1 * 8(sp)
	sd	x3, 3 * 8(sp)
	.irp	n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	sd	x\n, \n * 8(sp)
	.endr
.endm

.macro save_csrs
	csrr	t0, sepc
	sd	t0, FRAME_SEPC(sp)
	csrr	t0, sstatus
	sd	t0, FRAME_SSTATUS(sp)
	csrr	t0, 0x600               /* hstatus */
	sd	t0, FRAME_HSTATUS(sp)
.endm

/* a0 points at a frame: loads it, a0 last, and returns with sret. The CSRs
 * are written back whole: a trap taken meanwhile in HS mode (a guest
 * instruction fetch that faulted, guest_insn.S) changed them. */
.macro load_frame_and_sret
	ld	t0, FRAME_SEPC(a0)
	csrw	sepc, t0
	ld	t0, FRAME_SSTATUS(a0)
	csrw	sstatus, t0
	ld	t0, FRAME_HSTATUS(a0)
	csrw	0x600, t0
	ld	x1, 1 * 8(a0)
	ld	x2, 2 * 8(a0)
	ld	x3, 3 * 8(a0)
	ld	x4, 4 * 8(a0)
	.irp	n, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	ld	x\n, \n * 8(a0)
	.endr
	ld	x10, 10 * 8(a0)
	sret
.endm

	.text
	.balign	4
	.global	trap_vector
trap_vector:
	csrrw	tp, sscratch, tp
	beqz	tp, hyp_trap
	sd	sp, HL_SCRATCH(tp)
	ld	sp, HL_STACK_TOP(tp)
	addi	sp, sp, -FRAME_SIZE
	save_gprs
	ld	t0, HL_SCRATCH(tp)
	sd	t0, 2 * 8(sp)
	csrrw	t0, sscratch, zero
	sd	t0, 4 * 8(sp)
	save_csrs
	mv	a0, sp
	call	handle_guest_trap
	mv	a0, sp
	j	return_to_guest

/* A trap from HS mode itself is a hypervisor bug, or a guest instruction
 * fetch that faulted (guest_insn.S): it is handled on this hart's fault
 * stack, never on the sp it came with, which may be the fault (an overflow
 * into the guard page below the stack). */
hyp_trap:
	csrrw	tp, sscratch, tp
	sd	sp, HL_SCRATCH(tp)
	ld	sp, HL_FAULT_STACK_TOP(tp)
	addi	sp, sp, -FRAME_SIZE
	save_gprs
	ld	t0, HL_SCRATCH(tp)
	sd	t0, 2 * 8(sp)
	sd	tp, 4 * 8(sp)
	save_csrs
	mv	a0, sp
	call	handle_hyp_trap
	mv	a0, sp
	load_frame_and_sret

/* a0 = frame (anywhere in memory). The hart's stack starts afresh: nothing
 * on it is needed once a guest runs. */
	.global	enter_guest
enter_guest:
	ld	sp, HL_STACK_TOP(tp)
return_to_guest:
	csrw	sscratch, tp
	load_frame_and_sret
