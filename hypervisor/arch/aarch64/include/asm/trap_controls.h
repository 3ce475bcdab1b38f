/* The debug, PMU and trace trap controls a zone runs under, as pure
 * functions of the CPU's ID registers (trap_controls.c). */
#ifndef ASM_TRAP_CONTROLS_H
#define ASM_TRAP_CONTROLS_H

#include <stdint.h>

/* MDCR_EL2 on a CPU with these ID_AA64DFR0_EL1 and PMCR_EL0 values. */
uint64_t mdcr_el2_for(uint64_t id_aa64dfr0, uint64_t pmcr);
/* CPTR_EL2 (HCR_EL2.E2H clear) on a CPU with this ID_AA64DFR0_EL1. */
uint64_t cptr_el2_for(uint64_t id_aa64dfr0);

#endif
