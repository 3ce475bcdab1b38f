/* The virtual timer's latency: from its deadline (CNTV_CVAL_EL0) to the
 * entry of the IRQ vector. */
#ifndef EXITBENCH_TIMER_LATENCY_H
#define EXITBENCH_TIMER_LATENCY_H

#include <stdint.h>

void measure_timer_latency(void);

/* The interrupt handler for PPI_VIRT_TIMER. */
void timer_fired(uint64_t entry_ticks);

#endif
