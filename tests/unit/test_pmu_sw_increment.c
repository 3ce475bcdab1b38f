/* A write to PMSWINC_EL0, against the Arm ARM (PMSWINC_EL0 and the PMU
 * pseudocode: PMUSwIncrement, CountPMUEvents, AArch64.IncrementEventCounter).
 * Values from there, not from asm/pmu_sw_increment.h: PMCR_EL0.E is bit 0,
 * LP bit 7; PMEVTYPER<n>_EL0 has P [31], U [30], NSK [29], NSU [28] and
 * evtCount [9:0] ([15:0] from PMUv3p1); SW_INCR is event 0x00, CHAIN 0x1E,
 * CPU_CYCLES 0x11. Event counters are 32 bits wide before PMUv3p5. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <asm/pmu_sw_increment.h>

#define E          (1ULL << 0)
#define LP         (1ULL << 7)
#define P          (1ULL << 31)
#define U          (1ULL << 30)
#define NSK        (1ULL << 29)
#define NSU        (1ULL << 28)
#define SW_INCR    0x00
#define CHAIN      0x1e
#define CPU_CYCLES 0x11

/* A Cortex-A72's PMU (PMUv3, 6 counters, no EL3 on QEMU's virt board) with
 * every counter enabled, counting SW_INCR from 0, written to at EL1. */
static struct pmu_counters pmu(void)
{
	struct pmu_counters c = { .pmcr = E, .enabled = 0x3f, .num = 6 };

	return c;
}

static struct pmu_sw_increment write_times(struct pmu_counters *c, uint64_t value, unsigned times)
{
	struct pmu_sw_increment all = { 0, 0 };

	for (unsigned i = 0; i < times; i++) {
		struct pmu_sw_increment one = pmu_sw_increment(c, value);
		all.changed |= one.changed;
		all.overflowed |= one.overflowed;
	}
	return all;
}

static void counts_sw_incr_counters_named_in_the_write(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.count[3] = 41;
	struct pmu_sw_increment r = pmu_sw_increment(&c, 1u << 3 | 1u << 5);
	assert_int_equal(c.count[3], 42);
	assert_int_equal(c.count[5], 1);
	assert_int_equal(c.count[0], 0);
	assert_int_equal(c.count[4], 0);
	assert_int_equal(r.changed, 1u << 3 | 1u << 5);
	assert_int_equal(r.overflowed, 0);
}

/* The conformance run's case: what native QEMU reads. */
static void hundred_writes_overflow_counter_0(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.count[0] = 0xfffffff0;
	struct pmu_sw_increment r = write_times(&c, 3, 100);
	assert_int_equal(c.count[0], 0x54);
	assert_int_equal(c.count[1], 0x64);
	assert_int_equal(r.overflowed, 1);
}

static void pmcr_e_clear_counts_nothing(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.pmcr = 0;
	struct pmu_sw_increment r = pmu_sw_increment(&c, 0x3f);
	for (unsigned n = 0; n < 6; n++)
		assert_int_equal(c.count[n], 0);
	assert_int_equal(r.changed, 0);
}

static void disabled_counter_counts_nothing(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.enabled = 0x3f & ~(1ULL << 2);
	c.count[2] = 0xffffffff;
	struct pmu_sw_increment r = pmu_sw_increment(&c, 0x3f);
	assert_int_equal(c.count[2], 0xffffffff);
	assert_int_equal(c.count[1], 1);
	assert_int_equal(r.changed, 0x3f & ~(1u << 2));
	assert_int_equal(r.overflowed, 0);
}

/* Bits [30:N] are WI; bits [63:31] RES0. */
static void counters_from_n_up_are_ignored(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.num = 2;
	struct pmu_sw_increment r = pmu_sw_increment(&c, ~0ULL);
	assert_int_equal(c.count[0], 1);
	assert_int_equal(c.count[1], 1);
	for (unsigned n = 2; n < PMU_MAX_EVENT_COUNTERS; n++)
		assert_int_equal(c.count[n], 0);
	assert_int_equal(r.changed, 3);
}

static void bits_past_the_counters_change_nothing(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.count[0] = 0xffffffff;
	struct pmu_sw_increment r = pmu_sw_increment(&c, ~0ULL << 6);
	assert_int_equal(c.count[0], 0xffffffff);
	assert_int_equal(r.changed, 0);
	assert_int_equal(r.overflowed, 0);
}

/* A PMCR_EL0.N of 31 (the most) leaves nothing past the array. */
static void all_31_counters(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.num = 31;
	c.enabled = 0x7fffffff;
	struct pmu_sw_increment r = pmu_sw_increment(&c, ~0ULL);
	assert_int_equal(c.count[30], 1);
	assert_int_equal(r.changed, 0x7fffffff);
}

static void other_events_are_not_incremented(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.type[0] = CPU_CYCLES;
	c.type[1] = CHAIN;
	c.count[0] = 0xffffffff;
	c.count[1] = 7;
	struct pmu_sw_increment r = pmu_sw_increment(&c, 0x3f);
	assert_int_equal(c.count[0], 0xffffffff);
	assert_int_equal(c.count[1], 7);
	assert_int_equal(r.changed, 0x3c);
	assert_int_equal(r.overflowed, 0);
}

/* Bits [15:10] of PMEVTYPER are RES0 before PMUv3p1. */
static void evtcount_is_10_bits_before_pmuv3p1(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.type[0] = 0x400 | SW_INCR;
	pmu_sw_increment(&c, 1);
	assert_int_equal(c.count[0], 1);
	c.pmuv3p1 = true;
	pmu_sw_increment(&c, 1);
	assert_int_equal(c.count[0], 1);
}

static void overflow_wraps_32_bits_and_sets_the_flag(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.count[4] = 0xffffffff;
	struct pmu_sw_increment r = pmu_sw_increment(&c, 1u << 4);
	assert_int_equal(c.count[4], 0);
	assert_int_equal(r.overflowed, 1u << 4);
	r = pmu_sw_increment(&c, 1u << 4);
	assert_int_equal(c.count[4], 1);
	assert_int_equal(r.overflowed, 0);
}

static void even_overflow_chains_into_the_odd_counter(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.type[1] = CHAIN;
	c.count[0] = 0xfffffffe;
	c.count[1] = 5;
	struct pmu_sw_increment r = pmu_sw_increment(&c, 3);
	assert_int_equal(c.count[0], 0xffffffff);
	assert_int_equal(c.count[1], 5);
	assert_int_equal(r.changed, 1);

	r = pmu_sw_increment(&c, 1);
	assert_int_equal(c.count[0], 0);
	assert_int_equal(c.count[1], 6);
	assert_int_equal(r.changed, 3);
	assert_int_equal(r.overflowed, 1);
}

static void chained_counter_overflows_too(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.type[3] = CHAIN;
	c.count[2] = 0xffffffff;
	c.count[3] = 0xffffffff;
	struct pmu_sw_increment r = pmu_sw_increment(&c, 1u << 2);
	assert_int_equal(c.count[2], 0);
	assert_int_equal(c.count[3], 0);
	assert_int_equal(r.overflowed, 1u << 2 | 1u << 3);
}

static void disabled_chained_counter_counts_nothing(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.type[1] = CHAIN;
	c.enabled = 1;
	c.count[0] = 0xffffffff;
	struct pmu_sw_increment r = pmu_sw_increment(&c, 1);
	assert_int_equal(c.count[0], 0);
	assert_int_equal(c.count[1], 0);
	assert_int_equal(r.overflowed, 1);
}

/* CHAIN counts the overflow of counter 2n into 2n+1, never of 2n+1 into 2n+2. */
static void odd_overflow_does_not_chain(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.type[2] = CHAIN;
	c.count[1] = 0xffffffff;
	struct pmu_sw_increment r = pmu_sw_increment(&c, 1u << 1);
	assert_int_equal(c.count[1], 0);
	assert_int_equal(c.count[2], 0);
	assert_int_equal(r.overflowed, 1u << 1);
}

/* The overflow of counter 0 is counter 1's CHAIN event, no other's. */
static void chain_reaches_only_the_next_counter(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.type[2] = CHAIN;
	c.type[3] = CHAIN;
	c.count[0] = 0xffffffff;
	struct pmu_sw_increment r = pmu_sw_increment(&c, 1);
	assert_int_equal(c.count[1], 0);
	assert_int_equal(c.count[2], 0);
	assert_int_equal(c.count[3], 0);
	assert_int_equal(r.changed, 1);
}

/* Counter 2n+1 above N has no CHAIN to count. */
static void no_chain_past_the_last_counter(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.num = 5;
	c.type[5] = CHAIN;
	c.count[4] = 0xffffffff;
	pmu_sw_increment(&c, 1u << 4);
	assert_int_equal(c.count[4], 0);
	assert_int_equal(c.count[5], 0);
}

/* In Non-secure EL1 an event is counted when P == NSK, at EL0 when
 * U == NSU; without EL3, NSK and NSU are RES0. */
static void filter_excludes_the_writers_exception_level(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.type[0] = P;
	c.type[1] = U;
	c.type[2] = P | NSK;
	c.type[3] = U | NSU;
	struct pmu_sw_increment r = pmu_sw_increment(&c, 0xf);
	assert_int_equal(r.changed, 1u << 1 | 1u << 3);

	c.at_el0 = true;
	r = pmu_sw_increment(&c, 0xf);
	assert_int_equal(r.changed, 1u << 0 | 1u << 2);
}

static void nsk_and_nsu_filter_with_el3(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.has_el3 = true;
	c.type[0] = P | NSK;
	c.type[1] = NSK;
	c.type[2] = U | NSU;
	c.type[3] = NSU;
	struct pmu_sw_increment r = pmu_sw_increment(&c, 0xf);
	assert_int_equal(r.changed, 1u << 0 | 1u << 2 | 1u << 3);

	c.at_el0 = true;
	r = pmu_sw_increment(&c, 0xf);
	assert_int_equal(r.changed, 1u << 0 | 1u << 1 | 1u << 2);
}

/* The CHAIN event is filtered by the odd counter's own filter. */
static void chained_counter_filters_on_its_own(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.type[1] = P | CHAIN;
	c.count[0] = 0xffffffff;
	pmu_sw_increment(&c, 1);
	assert_int_equal(c.count[0], 0);
	assert_int_equal(c.count[1], 0);
}

/* PMUv3p5: 64-bit counters overflowing out of bit 31 unless PMCR_EL0.LP,
 * and then out of bit 63 without a CHAIN. */
static void pmuv3p5_counters_are_64_bits(void **state)
{
	struct pmu_counters c = pmu();

	(void)state;
	c.pmuv3p5 = true;
	c.pmuv3p1 = true;
	c.type[1] = CHAIN;
	c.count[0] = 0xffffffff;
	struct pmu_sw_increment r = pmu_sw_increment(&c, 1);
	assert_int_equal(c.count[0], 0x100000000);
	assert_int_equal(c.count[1], 1);
	assert_int_equal(r.overflowed, 1);

	c.pmcr |= LP;
	c.count[0] = 0xffffffff;
	r = pmu_sw_increment(&c, 1);
	assert_int_equal(c.count[0], 0x100000000);
	assert_int_equal(r.overflowed, 0);

	c.count[0] = ~0ULL;
	r = pmu_sw_increment(&c, 1);
	assert_int_equal(c.count[0], 0);
	assert_int_equal(c.count[1], 1);
	assert_int_equal(r.overflowed, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_sw_incr_counters_named_in_the_write),
		cmocka_unit_test(hundred_writes_overflow_counter_0),
		cmocka_unit_test(pmcr_e_clear_counts_nothing),
		cmocka_unit_test(disabled_counter_counts_nothing),
		cmocka_unit_test(counters_from_n_up_are_ignored),
		cmocka_unit_test(bits_past_the_counters_change_nothing),
		cmocka_unit_test(all_31_counters),
		cmocka_unit_test(other_events_are_not_incremented),
		cmocka_unit_test(evtcount_is_10_bits_before_pmuv3p1),
		cmocka_unit_test(overflow_wraps_32_bits_and_sets_the_flag),
		cmocka_unit_test(even_overflow_chains_into_the_odd_counter),
		cmocka_unit_test(chained_counter_overflows_too),
		cmocka_unit_test(disabled_chained_counter_counts_nothing),
		cmocka_unit_test(odd_overflow_does_not_chain),
		cmocka_unit_test(chain_reaches_only_the_next_counter),
		cmocka_unit_test(no_chain_past_the_last_counter),
		cmocka_unit_test(filter_excludes_the_writers_exception_level),
		cmocka_unit_test(nsk_and_nsu_filter_with_el3),
		cmocka_unit_test(chained_counter_filters_on_its_own),
		cmocka_unit_test(pmuv3p5_counters_are_64_bits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
