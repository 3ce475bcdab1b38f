#include <stdbool.h>
#include <stdint.h>

#include "counter.h"
#include "eoi.h"
#include "gic.h"
#include "measure.h"
#include "print.h"

#define EOIS_PER_BATCH 1000u

/* IRQs stay masked: the SGI is taken by polling ICC_IAR1_EL1, so no
 * handler runs between the acknowledge and the timed EOI. */
static bool acknowledge_self_sgi(void)
{
	uint64_t deadline = counter_deadline_in_ms(EXPECTED_WAIT_MS);
	uint32_t intid;

	sgi_send(own_cpu(), SGI_SELF);
	while ((intid = icc_acknowledge()) == INTID_SPURIOUS)
		if (counter_ticks() > deadline)
			break;
	if (intid == SGI_SELF)
		return true;
	print("exitbench: acknowledged INTID %u, want SGI %u\n", intid, SGI_SELF);
	if (intid != INTID_SPURIOUS)
		icc_end_of_interrupt(intid);
	return false;
}

/* Each EOI is timed between two counter reads, and so is nothing, in the
 * same iteration: the difference is the EOI without the reads' own cost. */
void measure_eoi(void)
{
	uint64_t batch_ticks[BATCHES];

	for (unsigned b = 0; b < BATCHES; b++) {
		uint64_t eoi_ticks = 0, empty_ticks = 0;

		for (unsigned i = 0; i < EOIS_PER_BATCH; i++) {
			uint64_t start;

			if (!acknowledge_self_sgi())
				return;
			start = counter_ticks();
			icc_end_of_interrupt(SGI_SELF);
			eoi_ticks += counter_ticks() - start;
			start = counter_ticks();
			empty_ticks += counter_ticks() - start;
		}
		batch_ticks[b] = eoi_ticks > empty_ticks ? eoi_ticks - empty_ticks : 0;
	}
	report_row("eoi", batch_ticks, EOIS_PER_BATCH);
}
