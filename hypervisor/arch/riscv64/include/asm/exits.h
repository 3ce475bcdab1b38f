/* Handlers of a guest's traps into HS mode, by scause (traps.c). */
#ifndef ASM_EXITS_H
#define ASM_EXITS_H

#include <asm/trap_frame.h>

struct vcpu;

/* Guest page faults on loads and stores: MMIO emulation (guest_page_fault.c). */
void handle_guest_load_fault(struct vcpu *vcpu, struct trap_frame *f);
void handle_guest_store_fault(struct vcpu *vcpu, struct trap_frame *f);
/* ecall from VS mode: SBI and hypercalls (sbi.c). */
void handle_guest_ecall(struct vcpu *vcpu, struct trap_frame *f);
/* Interrupts of HS mode taken while the guest ran (interrupts.c); returns
 * what the exit counts as (exit_stats.h). */
unsigned handle_guest_interrupt(struct vcpu *vcpu, uint64_t irq);

#endif
