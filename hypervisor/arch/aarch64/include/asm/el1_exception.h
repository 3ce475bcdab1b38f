/* Where, and with which syndrome, an exception the hypervisor injects
 * arrives at the guest's EL1: what the hardware would have chosen had it
 * taken the exception there. Pure functions of the interrupted PSTATE. */
#ifndef ASM_EL1_EXCEPTION_H
#define ASM_EL1_EXCEPTION_H

#include <stdbool.h>
#include <stdint.h>

/* Whether the guest was at EL0 when it left for EL2, from `spsr` (SPSR_EL2
 * of the exit). */
bool interrupted_at_el0(uint64_t spsr);

/* Offset from VBAR_EL1 of the synchronous vector for an exception taken
 * from the state in `spsr` (SPSR_EL2 of the exit). */
uint64_t el1_sync_vector_offset(uint64_t spsr);

/* ESR_EL1 of an undefined instruction, and of a synchronous external abort
 * on an instruction fetch or a data access. */
uint64_t el1_undefined_esr(void);
uint64_t el1_abort_esr(uint64_t spsr, bool instruction_fetch, bool is_write);

#endif
