/* The exceptions the riscv64 chaos guest took, by cause. */
#ifndef CHAOS_RV_TRAP_H
#define CHAOS_RV_TRAP_H

#include <stdint.h>

#define SCAUSE_COUNT 24

/* Called by trap_vector.S: the sepc to resume at. */
uint64_t chaos_trap(uint64_t scause, uint64_t sepc);
uint64_t exceptions_total(void);
void print_exceptions(void);

#endif
