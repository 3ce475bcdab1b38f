/* The hypervisor's own address space as mmu.c lays it out, for the fault
 * report. */
#ifndef ASM_MMU_H
#define ASM_MMU_H

#include <stdbool.h>
#include <stdint.h>

/* Whether addr lies in the guard page below a CPU's stack; *cpu is then
 * that CPU. */
bool mmu_stack_guard_cpu(uint64_t addr, unsigned *cpu);

#endif
