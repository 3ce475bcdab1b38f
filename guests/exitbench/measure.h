/* How every row is measured and reported: BATCHES batches of a row's
 * operations, each batch's mean per operation in ns, and the median of
 * those means. A mean over a batch resolves below the counter's tick
 * (16 ns on QEMU); the median drops batches the host interrupted. */
#ifndef EXITBENCH_MEASURE_H
#define EXITBENCH_MEASURE_H

#include <stdbool.h>
#include <stdint.h>

#define BATCHES 15u

/* Prints "exitbench: <row> <ns>" from each batch's total ticks. */
void report_row(const char *row, const uint64_t batch_ticks[BATCHES], unsigned ops_per_batch);

/* Prints "exitbench: <row>-above-floor <ns>": the median over batches of a
 * row's mean minus the mean of the floor batch timed beside it. */
void report_excess(const char *row, const uint64_t batch_ticks[BATCHES],
		   const uint64_t floor_ticks[BATCHES], unsigned ops_per_batch);

/* Spins until *flag is set, EXPECTED_WAIT_MS at most: false on the timeout,
 * which only a failure reaches. */
bool wait_flag(const volatile uint32_t *flag);

#endif
