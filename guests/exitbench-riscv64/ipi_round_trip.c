#include <stdint.h>

#include "counter.h"
#include "interrupts.h"
#include "ipi_round_trip.h"
#include "measure.h"
#include "print.h"
#include "sbi.h"

#define ROUND_TRIPS_PER_BATCH 200u
#define SECOND_STACK_SIZE     4096u

extern char secondary_entry[];

static uint64_t first_hart, second_hart;
static volatile uint32_t second_ready, second_stop, pong_seen;
static volatile uint64_t pong_entry_ticks;
static uint8_t second_stack[SECOND_STACK_SIZE] __attribute__((aligned(16)));

static void send_ipi(uint64_t hart)
{
	sbi_call2(SBI_EXT_IPI, SBI_IPI_SEND_IPI, 1, hart);
}

/* The second hart answers at once; the first records when the answer came. */
void ipi_arrived(uint64_t entry_ticks)
{
	if (this_hart() == second_hart) {
		send_ipi(first_hart);
		return;
	}
	pong_entry_ticks = entry_ticks;
	pong_seen = 1;
}

/* Spins rather than waits in WFI, so the row is the IPI's cost and not a
 * wake-up's, as aarch64's SGI round trip. */
_Noreturn void secondary_main(uint64_t hart)
{
	interrupts_install(hart);
	interrupts_enable(SIE_SSIE);
	second_ready = 1;
	while (!second_stop)
		;
	interrupts_disable();
	sbi_call2(SBI_EXT_HSM, SBI_HSM_HART_STOP, 0, 0);
	for (;;)
		__asm__ volatile("wfi");
}

static bool start_second_hart(void)
{
	struct sbiret ret = sbi_call(SBI_EXT_HSM, SBI_HSM_HART_START, second_hart,
				     (uintptr_t)secondary_entry,
				     (uintptr_t)(second_stack + SECOND_STACK_SIZE), 0, 0, 0);

	if (ret.error != SBI_SUCCESS) {
		print("exitbench: hart %lu did not start: SBI error %ld\n", second_hart, ret.error);
		return false;
	}
	if (!wait_flag(&second_ready)) {
		print("exitbench: hart %lu not ready within %u ms\n", second_hart, EXPECTED_WAIT_MS);
		return false;
	}
	return true;
}

static bool time_batch(uint64_t *ticks)
{
	*ticks = 0;
	for (unsigned i = 0; i < ROUND_TRIPS_PER_BATCH; i++) {
		uint64_t start;

		pong_seen = 0;
		start = counter_ticks();
		send_ipi(second_hart);
		if (!wait_flag(&pong_seen)) {
			print("exitbench: no answer from hart %lu within %u ms\n", second_hart,
			      EXPECTED_WAIT_MS);
			return false;
		}
		*ticks += pong_entry_ticks - start;
	}
	return true;
}

void measure_ipi_round_trip(uint64_t hart)
{
	uint64_t batch_ticks[BATCHES];
	bool complete = true;

	first_hart = hart;
	second_hart = hart ^ 1;
	if (!start_second_hart())
		return;
	interrupts_enable(SIE_SSIE);
	for (unsigned b = 0; b < BATCHES && complete; b++)
		complete = time_batch(&batch_ticks[b]);
	interrupts_disable();
	second_stop = 1;
	if (complete)
		report_row("ipi-round-trip", batch_ticks, ROUND_TRIPS_PER_BATCH);
}
