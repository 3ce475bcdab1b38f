#include <stdint.h>

#include "counter.h"
#include "hypercall.h"
#include "measure.h"
#include "print.h"
#include "sbi.h"
#include "trap.h"
#include "trap_rows.h"

#define OPS_PER_BATCH 1000u

/* The priority register of the UART's PLIC source, which zone0 owns: under
 * tessera the read traps to the vPLIC; natively it is a plain device read. */
#define PLIC_BASE          0x0c000000UL
#define UART_SOURCE        10u
#define UART_PRIORITY_ADDR (PLIC_BASE + 4 * UART_SOURCE)

#define SCAUSE_BREAKPOINT 3

struct trap_row {
	const char *name;
	void (*batch)(void);
};

static void null_hypercalls(void)
{
	for (unsigned i = 0; i < OPS_PER_BATCH; i++)
		hypercall(HC_UNKNOWN, 0, 0);
}

static void sbi_spec_versions(void)
{
	for (unsigned i = 0; i < OPS_PER_BATCH; i++)
		sbi_call2(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0);
}

static void plic_priority_reads(void)
{
	for (unsigned i = 0; i < OPS_PER_BATCH; i++)
		(void)*(volatile uint32_t *)UART_PRIORITY_ADDR;
}

/* A breakpoint goes to the guest's own S-mode vector on both sides
 * (OpenSBI's medeleg, tessera's hedeleg), which records and skips it:
 * what QEMU charges for an exception and sret, under every trap row. */
static void breakpoints(void)
{
	for (unsigned i = 0; i < OPS_PER_BATCH; i++)
		__asm__ volatile("ebreak" : : : "memory");
}

static const struct trap_row rows[] = {
	{ "hypercall", null_hypercalls },
	{ "sbi-spec-version", sbi_spec_versions },
	{ "plic-read", plic_priority_reads },
};

static uint64_t time_batch(void (*batch)(void))
{
	uint64_t start = counter_ticks();

	batch();
	return counter_ticks() - start;
}

static uint64_t time_floor_batch(void)
{
	uint64_t ticks;

	trap_clear();
	ticks = time_batch(breakpoints);
	if (trap_taken != 1 || trap_scause != SCAUSE_BREAKPOINT)
		print("exitbench: exception-floor took scause 0x%lx, not the floor's exception\n",
		      trap_scause);
	return ticks;
}

/* Natively nothing traps to a hypervisor, so there is no share above the
 * floor to report. */
static void measure_against_floor(const struct trap_row *row, bool tessera, bool report_floor)
{
	uint64_t ticks[BATCHES], floor_ticks[BATCHES];

	for (unsigned b = 0; b < BATCHES; b++) {
		floor_ticks[b] = time_floor_batch();
		ticks[b] = time_batch(row->batch);
	}
	if (report_floor)
		report_row("exception-floor", floor_ticks, OPS_PER_BATCH);
	report_row(row->name, ticks, OPS_PER_BATCH);
	if (tessera)
		report_excess(row->name, ticks, floor_ticks, OPS_PER_BATCH);
}

void measure_trap_rows(bool tessera)
{
	for (unsigned i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		measure_against_floor(&rows[i], tessera, i == 0);
}
