#include "counter.h"
#include "measure.h"
#include "print.h"

#define NSEC_PER_SEC 1000000000ULL

static uint64_t ticks_to_ns(uint64_t ticks)
{
	uint64_t hz = counter_frequency();

	/* Split so that ticks * 1e9 cannot overflow. */
	return ticks / hz * NSEC_PER_SEC + ticks % hz * NSEC_PER_SEC / hz;
}

static int64_t median(int64_t *values, unsigned count)
{
	for (unsigned i = 1; i < count; i++) {
		int64_t v = values[i];
		unsigned j = i;

		for (; j > 0 && values[j - 1] > v; j--)
			values[j] = values[j - 1];
		values[j] = v;
	}
	return values[count / 2];
}

static int64_t ns_per_op(uint64_t batch_ticks, unsigned ops_per_batch)
{
	return (int64_t)(ticks_to_ns(batch_ticks) / ops_per_batch);
}

void report_row(const char *row, const uint64_t batch_ticks[BATCHES], unsigned ops_per_batch)
{
	int64_t ns[BATCHES];

	for (unsigned i = 0; i < BATCHES; i++)
		ns[i] = ns_per_op(batch_ticks[i], ops_per_batch);
	print("exitbench: %s %ld\n", row, median(ns, BATCHES));
}

void report_excess(const char *row, const uint64_t batch_ticks[BATCHES],
		   const uint64_t floor_ticks[BATCHES], unsigned ops_per_batch)
{
	int64_t excess_ns[BATCHES];

	for (unsigned i = 0; i < BATCHES; i++)
		excess_ns[i] = ns_per_op(batch_ticks[i], ops_per_batch) -
			       ns_per_op(floor_ticks[i], ops_per_batch);
	print("exitbench: %s-above-floor %ld\n", row, median(excess_ns, BATCHES));
}

bool wait_flag(const volatile uint32_t *flag)
{
	uint64_t deadline = counter_deadline_in_ms(EXPECTED_WAIT_MS);

	while (!*flag)
		if (counter_ticks() > deadline)
			return false;
	return true;
}
