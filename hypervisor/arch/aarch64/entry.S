/* Exception vectors of EL2 and the save/restore of a trap_frame. */
#include <asm/cpu_stack.S.h>

.macro save_frame
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	mrs	x21, elr_el2
	mrs	x22, spsr_el2
	stp	x30, x21, [sp, #16 * 15]
	str	x22, [sp, #16 * 16]
.endm

/* Under QEMU's TCG a system register write ends the translation block and
 * recomputes the cached CPU state; reading is cheap. Most exits return to the
 * ELR and SPSR they came with (a hypercall to both, an emulated access to the
 * SPSR), so those are written only when changed. */
.macro msr_if_changed sysreg, value, scratch
	mrs	\scratch, \sysreg
	cmp	\scratch, \value
	b.eq	1f
	msr	\sysreg, \value
1:
.endm

/* x0 points at a frame; loads it and returns from the exception. */
.macro load_frame_and_eret
	ldp	x30, x21, [x0, #16 * 15]
	ldr	x22, [x0, #16 * 16]
	msr_if_changed elr_el2, x21, x23
	msr_if_changed spsr_el2, x22, x23
	ldp	x2, x3, [x0, #16 * 1]
	ldp	x4, x5, [x0, #16 * 2]
	ldp	x6, x7, [x0, #16 * 3]
	ldp	x8, x9, [x0, #16 * 4]
	ldp	x10, x11, [x0, #16 * 5]
	ldp	x12, x13, [x0, #16 * 6]
	ldp	x14, x15, [x0, #16 * 7]
	ldp	x16, x17, [x0, #16 * 8]
	ldp	x18, x19, [x0, #16 * 9]
	ldp	x20, x21, [x0, #16 * 10]
	ldp	x22, x23, [x0, #16 * 11]
	ldp	x24, x25, [x0, #16 * 12]
	ldp	x26, x27, [x0, #16 * 13]
	ldp	x28, x29, [x0, #16 * 14]
	ldp	x0, x1, [x0, #16 * 0]
	eret
.endm

.macro vector target
	.balign 0x80
	b	\target
.endm

	.text
	.balign 0x800
	.global el2_vectors
el2_vectors:
	vector	hyp_sync_sp0
	vector	hyp_irq_sp0
	vector	hyp_fiq_sp0
	vector	hyp_serror_sp0
	vector	hyp_sync
	vector	hyp_irq
	vector	hyp_fiq
	vector	hyp_serror
	vector	guest_sync
	vector	guest_irq
	vector	guest_fiq
	vector	guest_serror
	vector	guest32_sync
	vector	guest32_irq
	vector	guest32_fiq
	vector	guest32_serror

/* An exception taken from EL2 itself is a hypervisor bug: report and stop.
 * The report runs on this CPU's fault stack, never on the SP the exception
 * came with: that SP may be the fault (an overflow into the guard page below
 * the stack, where every store would fault again). x0 and that SP wait in
 * the EL0 thread registers meanwhile, whose guest values this CPU will not
 * need again. The handler returns only for the exception a boot-time probe
 * expects (sysreg_probe.S), which resumes on the SP it came with. */
.macro hyp_exception kind
	msr	tpidr_el0, x0
	mov	x0, sp
	msr	tpidrro_el0, x0
	switch_to_fault_stack
	mrs	x0, tpidr_el0
	save_frame
	mrs	x0, tpidrro_el0
	str	x0, [sp, #FRAME_SP]
	mov	x0, sp
	mov	x1, #\kind
	bl	handle_hyp_exception
	mov	x0, sp
	ldr	x1, [x0, #FRAME_SP]
	mov	sp, x1
	load_frame_and_eret
.endm

hyp_sync_sp0:	hyp_exception KIND_SYNC
hyp_irq_sp0:	hyp_exception KIND_IRQ
hyp_fiq_sp0:	hyp_exception KIND_FIQ
hyp_serror_sp0:	hyp_exception KIND_SERROR
hyp_sync:	hyp_exception KIND_SYNC
hyp_irq:	hyp_exception KIND_IRQ
hyp_fiq:	hyp_exception KIND_FIQ
hyp_serror:	hyp_exception KIND_SERROR

.macro guest_exception handler, kind
	save_frame
	mov	x0, sp
	mov	x1, #\kind
	bl	\handler
	b	return_to_guest
.endm

guest_sync:	guest_exception handle_guest_sync, KIND_SYNC
guest_irq:	guest_exception handle_guest_irq, KIND_IRQ
guest_fiq:	guest_exception handle_guest_fiq, KIND_FIQ
guest_serror:	guest_exception handle_guest_serror, KIND_SERROR
/* From a zone's AArch32 EL0: the exit handlers are the same, and what they
 * inject goes to the lower-EL AArch32 vector (inject.c). */
guest32_sync:	guest_exception handle_guest_sync, KIND_SYNC
guest32_irq:	guest_exception handle_guest_irq, KIND_IRQ
guest32_fiq:	guest_exception handle_guest_fiq, KIND_FIQ
guest32_serror:	guest_exception handle_guest_serror, KIND_SERROR

return_to_guest:
	mov	x0, sp
	add	sp, sp, #FRAME_SIZE
	load_frame_and_eret

/* x0 = initial frame (anywhere in memory). */
	.global enter_guest
enter_guest:
	mrs	x1, tpidr_el2
	cpu_stack_top x2, x1, x3
	mov	sp, x2
	load_frame_and_eret
