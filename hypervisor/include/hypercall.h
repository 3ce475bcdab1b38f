/* The hypercall ABI's dispatch (codes in include/tessera/hypercall.h). */
#ifndef HYPERCALL_H
#define HYPERCALL_H

#include <stdint.h>

struct vcpu;

/* What a handler returns to have the guest execute the same hypercall
 * again, with the same arguments, once it has taken the interrupts pending
 * for it: a long wait in the hypervisor must not hold off zone0's
 * interrupts, one of which may be what it waits for. No result is ever
 * this value. */
#define HYPERCALL_RESTART INT64_MIN

/* The result for the guest's x0 (a0 on riscv64), or HYPERCALL_RESTART. */
int64_t hypercall_dispatch(struct vcpu *vcpu, uint64_t code, uint64_t arg0, uint64_t arg1);

#endif
