#include <stdint.h>

#include "counter.h"
#include "gic.h"
#include "hvc.h"
#include "measure.h"
#include "mmio.h"
#include "trap_rows.h"

#define OPS_PER_BATCH 1000u

void measure_null_hypercall(void)
{
	uint64_t batch_ticks[BATCHES];

	for (unsigned b = 0; b < BATCHES; b++) {
		uint64_t start = counter_ticks();

		for (unsigned i = 0; i < OPS_PER_BATCH; i++)
			hypercall(HC_UNKNOWN, 0, 0);
		batch_ticks[b] = counter_ticks() - start;
	}
	report_row("hypercall", batch_ticks, OPS_PER_BATCH);
}

void measure_gicd_read(void)
{
	uint64_t batch_ticks[BATCHES];

	for (unsigned b = 0; b < BATCHES; b++) {
		uint64_t start = counter_ticks();

		for (unsigned i = 0; i < OPS_PER_BATCH; i++)
			mmio_read32(GICD_TYPER);
		batch_ticks[b] = counter_ticks() - start;
	}
	report_row("gicd-read", batch_ticks, OPS_PER_BATCH);
}

void measure_gicr_read(void)
{
	uintptr_t typer = own_redistributor() + GICR_TYPER;
	uint64_t batch_ticks[BATCHES];

	for (unsigned b = 0; b < BATCHES; b++) {
		uint64_t start = counter_ticks();

		for (unsigned i = 0; i < OPS_PER_BATCH; i++)
			(void)*(volatile uint64_t *)typer;
		batch_ticks[b] = counter_ticks() - start;
	}
	report_row("gicr-read", batch_ticks, OPS_PER_BATCH);
}
