/* The hypercall ABI's dispatch (codes in include/tessera/hypercall.h). */
#ifndef HYPERCALL_H
#define HYPERCALL_H

#include <stdint.h>

struct vcpu;

int64_t hypercall_dispatch(struct vcpu *vcpu, uint64_t code, uint64_t arg0, uint64_t arg1);

#endif
