#include <stdint.h>

#include "counter.h"
#include "measure.h"
#include "tlb_refill.h"

#define PAGES      256u
#define PAGE_BYTES 4096u

static volatile uint64_t pages[PAGES][PAGE_BYTES / sizeof(uint64_t)]
	__attribute__((aligned(PAGE_BYTES)));

static void drop_own_tlb(void)
{
	__asm__ volatile("dsb ishst\n\ttlbi vmalle1\n\tdsb ish\n\tisb" : : : "memory");
}

void measure_tlb_refill(void)
{
	uint64_t batch_ticks[BATCHES];

	for (unsigned b = 0; b < BATCHES; b++) {
		drop_own_tlb();
		uint64_t start = counter_ticks();
		for (unsigned i = 0; i < PAGES; i++)
			(void)pages[i][0];
		batch_ticks[b] = counter_ticks() - start;
	}
	report_row("tlb-refill", batch_ticks, PAGES);
}
