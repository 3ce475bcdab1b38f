/* What a zone finds of its CPU's previous zone, and what it leaves behind
 * for the next one (cpu_state_check.c). */
#ifndef ZONEPROBE_CPU_STATE_CHECK_H
#define ZONEPROBE_CPU_STATE_CHECK_H

/* First thing at the zone's start: every register holds its reset value. */
void check_cpu_state_is_reset(void);
/* Last thing before the probe spins: a marker in every register that keeps
 * one, the OS Lock unlocked and the speculative store bypass mitigation
 * asked off, for the next zone on this CPU to find if it can. */
void leave_cpu_state_behind(void);

#endif
