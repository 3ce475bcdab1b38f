/* Exceptions the hypervisor makes a guest take (inject.c). */
#ifndef ASM_INJECT_H
#define ASM_INJECT_H

#include <stdint.h>

#include <asm/trap_frame.h>

/* As if the trapped instruction had raised exception `cause` in VS mode
 * with stval `tval`: the guest resumes at its trap vector. */
void inject_exception(struct trap_frame *f, uint64_t cause, uint64_t tval);

#endif
