#include <stdint.h>

#include "counter.h"
#include "interrupts.h"
#include "measure.h"
#include "print.h"
#include "timer_latency.h"
#include "trap.h"

#define DEADLINES_PER_BATCH 50u
#define LEAD_US             100u /* time to reach the wait loop before the deadline */
#define NEVER               (~0ULL)

static volatile uint32_t timer_taken;
static volatile uint64_t timer_entry_ticks;

/* The CSR by number: not every assembler knows Sstc's name. */
static inline void stimecmp_write(uint64_t deadline)
{
	__asm__ volatile("csrw 0x14d, %0" : : "r"(deadline) : "memory");
}

/* STIP follows stimecmp: moving the deadline away clears it. */
void timer_fired(uint64_t entry_ticks)
{
	stimecmp_write(NEVER);
	timer_entry_ticks = entry_ticks;
	timer_taken = 1;
}

/* Without Sstc (or the firmware's or hypervisor's leave) stimecmp is an
 * illegal instruction, which the library's vector records and skips. */
static bool has_sstc(void)
{
	trap_clear();
	stimecmp_write(NEVER);
	if (trap_taken)
		print("exitbench: stimecmp raised scause 0x%lx: no Sstc, no timer row\n",
		      trap_scause);
	return !trap_taken;
}

/* The counter is read in whole ticks (100 ns on QEMU virt) and the deadline
 * falls on one, so each latency reads up to a tick short, on both sides. */
void measure_timer_latency(void)
{
	uint64_t lead = (uint64_t)COUNTER_HZ * LEAD_US / 1000000;
	uint64_t batch_ticks[BATCHES];

	if (!has_sstc())
		return;
	interrupts_enable(SIE_STIE);
	for (unsigned b = 0; b < BATCHES; b++) {
		batch_ticks[b] = 0;
		for (unsigned i = 0; i < DEADLINES_PER_BATCH; i++) {
			uint64_t deadline = counter_ticks() + lead;

			timer_taken = 0;
			stimecmp_write(deadline);
			if (!wait_flag(&timer_taken)) {
				interrupts_disable();
				print("exitbench: the timer did not fire within %u ms\n",
				      EXPECTED_WAIT_MS);
				return;
			}
			batch_ticks[b] += timer_entry_ticks - deadline;
		}
	}
	interrupts_disable();
	report_row("timer-latency", batch_ticks, DEADLINES_PER_BATCH);
}
