#ifndef EXITBENCH_RV_IPI_ROUND_TRIP_H
#define EXITBENCH_RV_IPI_ROUND_TRIP_H

#include <stdint.h>

/* Starts the zone's other hart (hart ^ 1: zone0's harts are 0 and 1, the
 * native machine's too), times SBI IPIs from this hart to it and its SBI IPI
 * back, from the send to this hart's vector, then stops it. */
void measure_ipi_round_trip(uint64_t hart);

/* The other hart's C entry (guests/baremetal-riscv64/secondary.S). */
_Noreturn void secondary_main(uint64_t hart);

#endif
