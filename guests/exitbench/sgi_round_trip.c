#include "counter.h"
#include "gic.h"
#include "measure.h"
#include "print.h"
#include "second_vcpu.h"
#include "sgi_round_trip.h"

#define ROUND_TRIPS_PER_BATCH 200u
#define FIRST_VCPU            0u

static volatile uint32_t pong_seen;
static volatile uint64_t pong_entry_ticks;

void sgi_answer_ping(void)
{
	sgi_send(FIRST_VCPU, SGI_PONG);
}

void sgi_pong_arrived(uint64_t entry_ticks)
{
	pong_entry_ticks = entry_ticks;
	pong_seen = 1;
}

void measure_sgi_round_trip(void)
{
	uint64_t batch_ticks[BATCHES];

	irqs_unmask();
	for (unsigned b = 0; b < BATCHES; b++) {
		batch_ticks[b] = 0;
		for (unsigned i = 0; i < ROUND_TRIPS_PER_BATCH; i++) {
			uint64_t start;

			pong_seen = 0;
			start = counter_ticks();
			sgi_send(SECOND_VCPU, SGI_PING);
			if (!wait_flag(&pong_seen)) {
				irqs_mask();
				print("exitbench: no answer to SGI %u within %u ms\n", SGI_PING,
				      EXPECTED_WAIT_MS);
				return;
			}
			batch_ticks[b] += pong_entry_ticks - start;
		}
	}
	irqs_mask();
	report_row("sgi-round-trip", batch_ticks, ROUND_TRIPS_PER_BATCH);
}
