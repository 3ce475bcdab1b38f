/* A hart's VS-mode state at its reset values (vcpu_reset.c). */
#ifndef ASM_VCPU_RESET_H
#define ASM_VCPU_RESET_H

/* Before a vCPU first runs: nothing of the zone the hart ran before may
 * leak through VS CSRs, timers, pending interrupts or FP registers. */
void vcpu_reset_vs_state(void);
/* When a vCPU stops: no timer or interrupt of its zone wakes the idle hart. */
void vcpu_silence(void);

#endif
