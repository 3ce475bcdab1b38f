/* vCPU 0 pings vCPU 1 with an SGI, vCPU 1's handler answers with another;
 * the round trip ends at the entry of vCPU 0's handler for the answer. */
#ifndef EXITBENCH_SGI_ROUND_TRIP_H
#define EXITBENCH_SGI_ROUND_TRIP_H

#include <stdint.h>

void measure_sgi_round_trip(void);

/* Interrupt handlers: vCPU 1's for SGI_PING, vCPU 0's for SGI_PONG. */
void sgi_answer_ping(void);
void sgi_pong_arrived(uint64_t entry_ticks);

#endif
