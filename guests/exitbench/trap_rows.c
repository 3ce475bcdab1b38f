#include <stdint.h>

#include "counter.h"
#include "exception.h"
#include "gic.h"
#include "hvc.h"
#include "measure.h"
#include "mmio.h"
#include "print.h"
#include "trap_rows.h"

#define OPS_PER_BATCH 1000u

/* Above any physical address size an Armv8.0 CPU can have: with the MMU
 * off, a load from it takes an address size fault at EL1 before any memory
 * is read, natively and under a stage-2 alike. */
#define BEYOND_PA_RANGE (1ULL << 52)

#define ESR_DFSC_ADDR_SIZE_L0 0x00

struct trap_row {
	const char *name;
	void (*batch)(void);
	const char *floor_name;
	void (*floor_batch)(void);
	unsigned floor_ec;
};

static uintptr_t own_gicr_typer;

static void null_hypercalls(void)
{
	for (unsigned i = 0; i < OPS_PER_BATCH; i++)
		hypercall(HC_UNKNOWN, 0, 0);
}

static void gicd_reads(void)
{
	for (unsigned i = 0; i < OPS_PER_BATCH; i++)
		mmio_read32(GICD_TYPER);
}

static void gicr_reads(void)
{
	for (unsigned i = 0; i < OPS_PER_BATCH; i++)
		(void)*(volatile uint64_t *)own_gicr_typer;
}

static void undefined_instructions(void)
{
	for (unsigned i = 0; i < OPS_PER_BATCH; i++)
		__asm__ volatile("udf #0" : : : "memory");
}

static void faulting_loads(void)
{
	for (unsigned i = 0; i < OPS_PER_BATCH; i++)
		(void)probe_read32(BEYOND_PA_RANGE);
}

static const struct trap_row hypercall_row = {
	"hypercall", null_hypercalls, "exception-floor", undefined_instructions, ESR_EC_UNKNOWN,
};
static const struct trap_row gicd_row = {
	"gicd-read", gicd_reads, "fault-floor", faulting_loads, ESR_EC_DABT_CUR,
};
static const struct trap_row gicr_row = {
	"gicr-read", gicr_reads, "fault-floor", faulting_loads, ESR_EC_DABT_CUR,
};

static uint64_t time_batch(void (*batch)(void))
{
	uint64_t start = counter_ticks();

	batch();
	return counter_ticks() - start;
}

/* A floor batch that took some other exception measured something else.
 * Checked after each floor batch, before its trap batch can record one. */
static void check_floor(const struct trap_row *row)
{
	bool as_expected = sync_taken && ESR_EC(sync_esr) == row->floor_ec &&
			   (row->floor_ec != ESR_EC_DABT_CUR ||
			    ESR_DFSC(sync_esr) == ESR_DFSC_ADDR_SIZE_L0);

	if (!as_expected)
		print("exitbench: %s took ESR 0x%lx, not the floor's exception\n", row->floor_name,
		      sync_esr);
	exception_clear();
}

static uint64_t time_floor_batch(const struct trap_row *row)
{
	uint64_t ticks = time_batch(row->floor_batch);

	check_floor(row);
	return ticks;
}

/* Natively a GIC read does not trap, so it has no share above a floor. */
static void measure_against_floor(const struct trap_row *row, bool tessera, bool report_floor)
{
	uint64_t ticks[BATCHES], floor_ticks[BATCHES];

	exception_clear();
	for (unsigned b = 0; b < BATCHES; b++) {
		floor_ticks[b] = time_floor_batch(row);
		ticks[b] = time_batch(row->batch);
	}
	if (report_floor)
		report_row(row->floor_name, floor_ticks, OPS_PER_BATCH);
	report_row(row->name, ticks, OPS_PER_BATCH);
	if (tessera)
		report_excess(row->name, ticks, floor_ticks, OPS_PER_BATCH);
}

/* Natively, where there is no hypercall to set beside it. */
static void measure_floor_alone(const struct trap_row *row)
{
	uint64_t floor_ticks[BATCHES];

	exception_clear();
	for (unsigned b = 0; b < BATCHES; b++)
		floor_ticks[b] = time_floor_batch(row);
	report_row(row->floor_name, floor_ticks, OPS_PER_BATCH);
}

void measure_trap_rows(bool tessera)
{
	own_gicr_typer = own_redistributor() + GICR_TYPER;
	if (tessera)
		measure_against_floor(&hypercall_row, tessera, true);
	else
		measure_floor_alone(&hypercall_row);
	measure_against_floor(&gicd_row, tessera, true);
	measure_against_floor(&gicr_row, tessera, false);
}
