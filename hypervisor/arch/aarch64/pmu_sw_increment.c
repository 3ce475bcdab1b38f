/* The software increment as the Arm ARM's pseudocode has it (PMUSwIncrement,
 * PMUEvent, CountPMUEvents, AArch64.IncrementEventCounter, AArch64.PMUCycle):
 *
 * - Bit n of the write is an SW_INCR event for event counter n, for n below
 *   the number of counters the writer reaches (MDCR_EL2.HPMN at EL1 and
 *   EL0); the other bits are ignored. Counter n takes the event only if its
 *   PMEVTYPER<n>_EL0.evtCount is SW_INCR.
 * - It is then counted as any event is: only if the counter is enabled
 *   (PMCR_EL0.E and PMCNTENSET_EL0<n>) and its filter does not exclude the
 *   Exception level the write was made at. SW_INCR is not exempt from
 *   filtering: in Non-secure state a write at EL1 is not counted when
 *   P != NSK, one at EL0 when U != NSU, NSK and NSU reading as 0 without
 *   EL3. (Made at EL2 with NSH clear, the write is never counted: why
 *   pmu_trap.c computes it here instead of repeating it.)
 * - A counter is 32 bits wide, 64 with PMUv3p5; it overflows out of bit 31,
 *   or out of bit 63 with PMUv3p5 and PMCR_EL0.LP. An overflow sets its
 *   PMOVSSET_EL0 bit.
 * - The overflow of an even counter out of bit 31 is a CHAIN event for the
 *   odd counter above it, counted like the SW_INCR event above if that
 *   counter's evtCount is CHAIN.
 *
 * PMUv3p9's PMUACR_EL1 and FEAT_PMUv3_TH's threshold controls are not
 * modelled: cores without those features (the Cortex-A72) have neither. */
#include <asm/pmu_sw_increment.h>
#include <asm/sysreg.h>

static unsigned event_of(const struct pmu_counters *c, unsigned n)
{
	return (unsigned)(c->type[n] & (c->pmuv3p1 ? 0xffff : 0x3ff));
}

static bool filtered_out(const struct pmu_counters *c, unsigned n)
{
	uint64_t type = c->type[n];

	if (c->at_el0)
		return !!(type & EVTYPER_U) != (c->has_el3 && (type & EVTYPER_NSU));
	return !!(type & EVTYPER_P) != (c->has_el3 && (type & EVTYPER_NSK));
}

static bool counts(const struct pmu_counters *c, unsigned n)
{
	return (c->pmcr & PMCR_E) && (c->enabled >> n & 1) && !filtered_out(c, n);
}

static bool overflows_at_64_bits(const struct pmu_counters *c)
{
	return c->pmuv3p5 && (c->pmcr & PMCR_LP);
}

/* Adds one to counter n; true when it overflows. */
static bool increment(struct pmu_counters *c, unsigned n)
{
	uint64_t value = c->count[n] + 1;

	if (!c->pmuv3p5)
		value = (uint32_t)value;
	c->count[n] = value;
	return overflows_at_64_bits(c) ? value == 0 : (uint32_t)value == 0;
}

struct pmu_sw_increment pmu_sw_increment(struct pmu_counters *c, uint64_t value)
{
	struct pmu_sw_increment result = { 0, 0 };
	bool chain = false;

	for (unsigned n = 0; n < c->num; n++) {
		bool event = ((value >> n & 1) && event_of(c, n) == EVENT_SW_INCR) ||
			     (chain && event_of(c, n) == EVENT_CHAIN);

		chain = false;
		if (!event || !counts(c, n))
			continue;
		result.changed |= 1u << n;
		if (increment(c, n)) {
			result.overflowed |= 1u << n;
			chain = n % 2 == 0 && !overflows_at_64_bits(c);
		}
	}
	return result;
}
