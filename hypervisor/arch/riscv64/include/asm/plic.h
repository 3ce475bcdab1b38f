/* The physical PLIC, which the hypervisor owns, as the vPLIC drives it. */
#ifndef ASM_PLIC_H
#define ASM_PLIC_H

#include <stdint.h>

/* Sources 1 .. plic_num_sources()-1 exist on the machine. */
uint32_t plic_num_sources(void);
/* Claims on hart `hart`'s S context; 0 if nothing is pending there. The
 * source stays claimed until plic_complete. */
uint32_t plic_claim(unsigned hart);
/* Completes the open claim of `source`, if any, on the context that made
 * it, even if the source is no longer enabled there. */
void plic_complete(uint32_t source);
/* Sets the `mask` bits of hart `hart`'s S-context enable word `word` to
 * those of `bits`. */
void plic_set_enables(unsigned hart, unsigned word, uint32_t mask, uint32_t bits);
/* Disables `source` on every hart and completes its open claim. */
void plic_quiesce(uint32_t source);

#endif
