/* The physical PLIC. Every source has priority 1 and every S context
 * threshold 0, so the physical PLIC only routes: a source interrupts the
 * harts on which its zone enabled it in its vPLIC, whose priorities order
 * the zone's interrupts. A claim stays open, the source's gateway holding
 * any new request, until the zone completes its virtual claim: a level
 * interrupt comes back only if its device still asserts it. M contexts are
 * the firmware's and never touched. */
#include <asm/plic.h>
#include <asm/plic_layout.h>
#include <asm/vplic.h>

#include "platform.h"
#include "spinlock.h"
#include "util.h"

/* platform.irqchip_windows[PLIC_WINDOW] is the machine's PLIC. */
#define PLIC_WINDOW 0

/* Serialises the enable words' read-modify-writes and the open claims. */
static spinlock_t plic_lock = SPINLOCK_INIT;
/* The hart whose S context holds the open claim of a source, plus one; 0
 * when none does. */
static uint16_t claimed_by[PLIC_MAX_SOURCES];

static volatile uint32_t *plic_reg(uint64_t offset)
{
	return (volatile uint32_t *)(uintptr_t)(platform.irqchip_windows[PLIC_WINDOW].start + offset);
}

static uint64_t enable_offset(unsigned hart, unsigned word)
{
	return PLIC_ENABLE_BASE + (uint64_t)PLIC_ENABLE_STRIDE * PLIC_S_CONTEXT(hart) + 4 * word;
}

static uint64_t context_offset(unsigned hart, unsigned reg)
{
	return PLIC_CONTEXT_BASE + (uint64_t)PLIC_CONTEXT_STRIDE * PLIC_S_CONTEXT(hart) + reg;
}

uint32_t plic_num_sources(void)
{
	return MIN(platform.num_interrupts, (uint32_t)PLIC_MAX_SOURCES);
}

void plic_init(void)
{
	for (uint32_t source = 1; source < plic_num_sources(); source++)
		*plic_reg(PLIC_PRIORITY_BASE + 4 * source) = 1;
	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
		for (unsigned word = 0; word < PLIC_SOURCE_WORDS; word++)
			*plic_reg(enable_offset((unsigned)platform.cpu_hw_ids[cpu], word)) = 0;
}

/* Enables are the zones' to set, from any hart: only the threshold here. */
void plic_cpu_init(unsigned cpu)
{
	*plic_reg(context_offset((unsigned)platform.cpu_hw_ids[cpu], PLIC_THRESHOLD)) = 0;
}

uint32_t plic_claim(unsigned hart)
{
	uint32_t source = *plic_reg(context_offset(hart, PLIC_CLAIM_COMPLETE));

	if (source == 0 || source >= PLIC_MAX_SOURCES)
		return 0;
	spin_lock(&plic_lock);
	claimed_by[source] = (uint16_t)(hart + 1);
	spin_unlock(&plic_lock);
	return source;
}

/* The PLIC ignores a completion for a source not enabled on the context:
 * enabled for the moment of the write if the zone has disabled it since. */
static void complete_open_claim(uint32_t source)
{
	unsigned hart;
	volatile uint32_t *enable;
	uint32_t bit = 1u << (source % 32);
	uint32_t enabled;

	if (!claimed_by[source])
		return;
	hart = claimed_by[source] - 1u;
	claimed_by[source] = 0;
	enable = plic_reg(enable_offset(hart, source / 32));
	enabled = *enable;
	if (!(enabled & bit))
		*enable = enabled | bit;
	*plic_reg(context_offset(hart, PLIC_CLAIM_COMPLETE)) = source;
	if (!(enabled & bit))
		*enable = enabled;
}

void plic_complete(uint32_t source)
{
	if (source >= PLIC_MAX_SOURCES)
		return;
	spin_lock(&plic_lock);
	complete_open_claim(source);
	spin_unlock(&plic_lock);
}

void plic_set_enables(unsigned hart, unsigned word, uint32_t mask, uint32_t bits)
{
	volatile uint32_t *enable = plic_reg(enable_offset(hart, word));

	spin_lock(&plic_lock);
	*enable = (*enable & ~mask) | (bits & mask);
	spin_unlock(&plic_lock);
}

void plic_quiesce(uint32_t source)
{
	uint32_t bit = 1u << (source % 32);

	if (source == 0 || source >= plic_num_sources())
		return;
	spin_lock(&plic_lock);
	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++) {
		volatile uint32_t *enable =
			plic_reg(enable_offset((unsigned)platform.cpu_hw_ids[cpu], source / 32));
		*enable &= ~bit;
	}
	complete_open_claim(source);
	spin_unlock(&plic_lock);
}
