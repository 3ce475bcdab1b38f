/* Idling a CPU that has no vCPU to run. */
#ifndef ASM_IDLE_H
#define ASM_IDLE_H

/* Gives this CPU's kick a priority above every other interrupt's, once at
 * start-up, after the GIC's per-CPU set-up. */
void idle_cpu_init(unsigned cpu);

#endif
