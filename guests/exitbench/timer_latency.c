#include "counter.h"
#include "gic.h"
#include "measure.h"
#include "print.h"
#include "timer_latency.h"

#define DEADLINES_PER_BATCH 50u
#define LEAD_US             100u /* time to reach the wait loop before the deadline */

#define CNTV_CTL_ENABLE 1UL

static volatile uint32_t timer_taken;
static volatile uint64_t timer_entry_ticks;

/* The interrupt is level-sensitive: the timer must stop asserting it
 * before its EOI. */
void timer_fired(uint64_t entry_ticks)
{
	__asm__ volatile("msr cntv_ctl_el0, xzr\n\tisb" : : : "memory");
	timer_entry_ticks = entry_ticks;
	timer_taken = 1;
}

static void timer_arm(uint64_t deadline)
{
	__asm__ volatile("msr cntv_cval_el0, %0" : : "r"(deadline));
	__asm__ volatile("msr cntv_ctl_el0, %0\n\tisb" : : "r"(CNTV_CTL_ENABLE) : "memory");
}

/* The counter is read in whole ticks and the deadline falls on one, so each
 * latency reads up to a tick short: 8 ns on average on QEMU, on both sides. */
void measure_timer_latency(void)
{
	uint64_t lead = counter_frequency() * LEAD_US / 1000000;
	uint64_t batch_ticks[BATCHES];

	irqs_unmask();
	for (unsigned b = 0; b < BATCHES; b++) {
		batch_ticks[b] = 0;
		for (unsigned i = 0; i < DEADLINES_PER_BATCH; i++) {
			uint64_t deadline = counter_ticks() + lead;

			timer_taken = 0;
			timer_arm(deadline);
			if (!wait_flag(&timer_taken)) {
				irqs_mask();
				print("exitbench: virtual timer did not fire within %u ms\n",
				      EXPECTED_WAIT_MS);
				return;
			}
			batch_ticks[b] += timer_entry_ticks - deadline;
		}
	}
	irqs_mask();
	report_row("timer-latency", batch_ticks, DEADLINES_PER_BATCH);
}
