#ifndef EXITBENCH_RV_TIMER_LATENCY_H
#define EXITBENCH_RV_TIMER_LATENCY_H

/* Sstc: stimecmp (vstimecmp under tessera) set a little ahead, and how late
 * the timer interrupt reaches the vector after that deadline. */
void measure_timer_latency(void);

#endif
