/* A vCPU's own-CPU state at reset (vcpu_reset.c). */
#ifndef ASM_VCPU_RESET_H
#define ASM_VCPU_RESET_H

/* At boot, on CPU `cpu` itself: finds which of the registers to reset it has. */
void vcpu_reset_probe_cpu(unsigned cpu);
void vcpu_reset_el1_state(void);
/* The EL1 timers off: their level-sensitive interrupts drop. */
void vcpu_silence_timers(void);

#endif
