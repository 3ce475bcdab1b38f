/* A zone's virtual PLIC. Offsets are built here from the PLIC specification's
 * layout (riscv-plic-spec), independently of asm/plic_layout.h: priority
 * 0x0 + 4 * source, pending 0x1000 + 4 * word, enables 0x2000 + 0x80 *
 * context + 4 * word, threshold 0x200000 + 0x1000 * context, claim/complete
 * 4 after it; QEMU virt's context 2h + 1 is hart h's S mode. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include <asm/vplic_state.h>

#define NUM_SOURCES 96      /* QEMU virt: riscv,ndev = 95 */

#define PRIORITY(source)    (4ULL * (source))
#define PENDING(word)       (0x1000ULL + 4 * (word))
#define ENABLE(ctx, word)   (0x2000ULL + 0x80ULL * (ctx) + 4 * (word))
#define THRESHOLD(ctx)      (0x200000ULL + 0x1000ULL * (ctx))
#define CLAIM(ctx)          (THRESHOLD(ctx) + 4)
#define S_CONTEXT(hart)     (2 * (hart) + 1)
#define M_CONTEXT(hart)     (2 * (hart))

static struct vplic_state state;
/* The zone under test: sources 1, 2, 3, 10, 33 and 95, harts 0 and 1. */
static struct vplic_owner zone;
/* Another zone's: sources 5 and 6, harts 2 and 3. */
static const uint32_t other_sources[] = { 5, 6 };
static const unsigned other_harts[] = { 2, 3 };

static void own(struct vplic_owner *o, uint32_t source)
{
	o->sources[source / 32] |= 1u << (source % 32);
}

static int setup(void **unused)
{
	(void)unused;
	memset(&zone, 0, sizeof(zone));
	for (unsigned i = 0; i < 6; i++)
		own(&zone, (const uint32_t[]){ 1, 2, 3, 10, 33, 95 }[i]);
	zone.harts = 1u << 0 | 1u << 1;
	memset(&state, 0xa5, sizeof(state));
	vplic_state_reset(&state, NUM_SOURCES);
	return 0;
}

static uint32_t rd(uint64_t offset)
{
	uint32_t value = 0xdeadbeef;

	assert_int_equal(vplic_state_read(&state, &zone, offset, &value), VPLIC_DONE);
	return value;
}

static struct vplic_effect wr(uint64_t offset, uint32_t value)
{
	struct vplic_effect effect;

	assert_int_equal(vplic_state_write(&state, &zone, offset, value, &effect), VPLIC_DONE);
	return effect;
}

static void enable(unsigned hart, uint32_t source)
{
	uint64_t off = ENABLE(S_CONTEXT(hart), source / 32);

	wr(off, rd(off) | 1u << (source % 32));
}

static void disable(unsigned hart, uint32_t source)
{
	uint64_t off = ENABLE(S_CONTEXT(hart), source / 32);

	wr(off, rd(off) & ~(1u << (source % 32)));
}

static void request(uint32_t source)
{
	assert_true(vplic_state_raise(&state, &zone, source));
}

/* Priority `priority`, enabled on hart 0, pending. */
static void ready(uint32_t source, uint32_t priority)
{
	wr(PRIORITY(source), priority);
	enable(0, source);
	request(source);
}

static uint32_t claim(unsigned hart)
{
	return rd(CLAIM(S_CONTEXT(hart)));
}

static uint32_t complete(unsigned hart, uint32_t source)
{
	return wr(CLAIM(S_CONTEXT(hart)), source).completed;
}

static bool pending(uint32_t source)
{
	return (rd(PENDING(source / 32)) >> (source % 32)) & 1;
}

static void every_register_starts_at_0(void **unused)
{
	(void)unused;
	for (uint32_t source = 0; source < 1024; source++)
		assert_int_equal(rd(PRIORITY(source)), 0);
	for (unsigned word = 0; word < 32; word++) {
		assert_int_equal(rd(PENDING(word)), 0);
		assert_int_equal(rd(ENABLE(S_CONTEXT(0), word)), 0);
		assert_int_equal(rd(ENABLE(S_CONTEXT(1), word)), 0);
	}
	assert_int_equal(rd(THRESHOLD(S_CONTEXT(0))), 0);
	assert_int_equal(rd(THRESHOLD(S_CONTEXT(1))), 0);
	assert_int_equal(claim(0), 0);
	assert_int_equal(vplic_state_deliverable(&state, &zone), 0);
}

static void a_reset_forgets_everything(void **unused)
{
	(void)unused;
	ready(3, 4);
	wr(THRESHOLD(S_CONTEXT(1)), 2);
	assert_int_equal(claim(0), 3);
	request(3);
	vplic_state_reset(&state, NUM_SOURCES);
	assert_int_equal(rd(PRIORITY(3)), 0);
	assert_int_equal(rd(ENABLE(S_CONTEXT(0), 0)), 0);
	assert_int_equal(rd(THRESHOLD(S_CONTEXT(1))), 0);
	assert_false(pending(3));
	/* Nothing in service: the next request is pending at once. */
	request(3);
	assert_true(pending(3));
}

/* WARL fields of 3 bits, as QEMU virt's PLIC. */
static void priorities_and_thresholds_keep_3_bits(void **unused)
{
	(void)unused;
	wr(PRIORITY(1), 0xffffffff);
	assert_int_equal(rd(PRIORITY(1)), 7);
	wr(PRIORITY(1), 9);
	assert_int_equal(rd(PRIORITY(1)), 1);
	wr(THRESHOLD(S_CONTEXT(1)), 0xfffffffe);
	assert_int_equal(rd(THRESHOLD(S_CONTEXT(1))), 6);
}

static void priority_0_never_interrupts(void **unused)
{
	(void)unused;
	ready(10, 0);
	assert_true(pending(10));
	assert_int_equal(vplic_state_deliverable(&state, &zone), 0);
	assert_int_equal(claim(0), 0);
	assert_true(pending(10));
	wr(PRIORITY(10), 1);
	assert_int_equal(vplic_state_deliverable(&state, &zone), 1u << 0);
	assert_int_equal(claim(0), 10);
}

static void claims_come_by_priority_then_lowest_id(void **unused)
{
	(void)unused;
	ready(95, 5);
	ready(10, 1);
	ready(3, 5);
	ready(1, 2);
	ready(33, 7);
	ready(2, 5);
	assert_int_equal(claim(0), 33);
	assert_int_equal(claim(0), 2);
	assert_int_equal(claim(0), 3);
	assert_int_equal(claim(0), 95);
	assert_int_equal(claim(0), 1);
	assert_int_equal(claim(0), 10);
	assert_int_equal(claim(0), 0);
}

static void a_claim_clears_pending(void **unused)
{
	(void)unused;
	ready(2, 1);
	assert_true(pending(2));
	assert_int_equal(claim(0), 2);
	assert_false(pending(2));
	assert_int_equal(vplic_state_deliverable(&state, &zone), 0);
}

static void only_priorities_above_the_threshold_interrupt(void **unused)
{
	(void)unused;
	wr(THRESHOLD(S_CONTEXT(0)), 3);
	ready(1, 3);
	assert_int_equal(vplic_state_deliverable(&state, &zone), 0);
	assert_int_equal(claim(0), 0);
	ready(2, 4);
	assert_int_equal(vplic_state_deliverable(&state, &zone), 1u << 0);
	assert_int_equal(claim(0), 2);
	assert_int_equal(claim(0), 0);
	wr(THRESHOLD(S_CONTEXT(0)), 2);
	assert_int_equal(claim(0), 1);
	/* A threshold of 7 masks everything. */
	ready(3, 7);
	wr(THRESHOLD(S_CONTEXT(0)), 7);
	assert_int_equal(vplic_state_deliverable(&state, &zone), 0);
}

static void each_context_takes_what_it_enabled(void **unused)
{
	(void)unused;
	ready(1, 1);            /* hart 0 only */
	wr(PRIORITY(2), 1);
	enable(1, 2);
	request(2);
	assert_int_equal(vplic_state_deliverable(&state, &zone), 1u << 0 | 1u << 1);
	assert_int_equal(claim(1), 2);
	assert_int_equal(claim(1), 0);
	assert_int_equal(vplic_state_deliverable(&state, &zone), 1u << 0);
	/* Enabled on both: the first claim takes it from the other. */
	enable(1, 1);
	assert_int_equal(vplic_state_deliverable(&state, &zone), 1u << 0 | 1u << 1);
	assert_int_equal(claim(1), 1);
	assert_int_equal(claim(0), 0);
	assert_int_equal(vplic_state_deliverable(&state, &zone), 0);
}

/* The gateway forwards no new request until the completion. */
static void a_request_in_service_waits_for_the_completion(void **unused)
{
	(void)unused;
	ready(3, 2);
	assert_int_equal(claim(0), 3);
	request(3);
	assert_false(pending(3));
	assert_int_equal(claim(0), 0);
	/* A second request then adds nothing. */
	assert_false(vplic_state_raise(&state, &zone, 3));
	assert_int_equal(complete(0, 3), 3);
	assert_true(pending(3));
	assert_int_equal(claim(0), 3);
	assert_int_equal(complete(0, 3), 3);
	assert_false(pending(3));
	assert_int_equal(claim(0), 0);
	/* Pending already: nothing changes. */
	request(3);
	assert_false(vplic_state_raise(&state, &zone, 3));
}

static void only_a_source_in_service_completes(void **unused)
{
	(void)unused;
	ready(1, 1);
	assert_int_equal(complete(0, 1), 0);            /* pending, not claimed */
	assert_int_equal(claim(0), 1);
	assert_int_equal(complete(0, 1), 1);
	assert_int_equal(complete(0, 1), 0);            /* twice */
}

/* The specification ignores a completion of a source not enabled for the
 * context it is written to; it does not ask which context claimed it. */
static void a_completion_needs_the_source_enabled_for_the_context(void **unused)
{
	(void)unused;
	ready(2, 1);
	assert_int_equal(claim(0), 2);
	assert_int_equal(complete(1, 2), 0);            /* not enabled on hart 1 */
	disable(0, 2);
	assert_int_equal(complete(0, 2), 0);            /* no longer enabled on hart 0 */
	request(2);
	assert_false(pending(2));                       /* still in service */
	/* Linux's completion of a disabled interrupt: enable, complete, disable. */
	enable(0, 2);
	assert_int_equal(complete(0, 2), 2);
	disable(0, 2);
	assert_true(pending(2));
	/* Any of the zone's contexts that has it enabled may complete it. */
	enable(1, 2);
	assert_int_equal(claim(1), 2);
	enable(0, 2);
	assert_int_equal(complete(0, 2), 2);
}

static void completions_of_no_such_source_are_ignored(void **unused)
{
	(void)unused;
	struct vplic_state before;

	ready(1, 1);
	assert_int_equal(claim(0), 1);
	memcpy(&before, &state, sizeof(state));
	assert_int_equal(complete(0, 0), 0);
	assert_int_equal(complete(0, 5), 0);             /* the other zone's */
	assert_int_equal(complete(0, NUM_SOURCES), 0);
	assert_int_equal(complete(0, 1023), 0);
	assert_int_equal(complete(0, 1024), 0);
	assert_int_equal(complete(0, 0xffffffff), 0);
	assert_int_equal(complete(0, 1u << 31 | 1), 0);
	assert_memory_equal(&before, &state, sizeof(state));
}

static void pending_bits_are_read_only(void **unused)
{
	(void)unused;
	wr(PENDING(0), 0xffffffff);
	assert_int_equal(rd(PENDING(0)), 0);
	ready(1, 1);
	wr(PENDING(0), 0);
	assert_true(pending(1));
}

/* Source 0, sources beyond the board's and the other zone's read 0. */
static void enables_hold_the_zones_sources_only(void **unused)
{
	(void)unused;
	struct vplic_effect effect = wr(ENABLE(S_CONTEXT(1), 0), 0xffffffff);

	assert_int_equal(rd(ENABLE(S_CONTEXT(1), 0)), 1u << 1 | 1u << 2 | 1u << 3 | 1u << 10);
	assert_int_equal(effect.enable_hart, 1);
	assert_int_equal(effect.enable_word, 0);
	assert_int_equal(effect.enable_mask, 1u << 1 | 1u << 2 | 1u << 3 | 1u << 10);
	assert_int_equal(effect.enable_bits, effect.enable_mask);
	assert_int_equal(effect.completed, 0);
	wr(ENABLE(S_CONTEXT(1), 2), 0xffffffff);
	assert_int_equal(rd(ENABLE(S_CONTEXT(1), 2)), 1u << 31);
	/* Sources 96 .. 127 do not exist on the board. */
	effect = wr(ENABLE(S_CONTEXT(1), 3), 0xffffffff);
	assert_int_equal(rd(ENABLE(S_CONTEXT(1), 3)), 0);
	assert_int_equal(effect.enable_mask, 0);
	effect = wr(ENABLE(S_CONTEXT(0), 0), 1u << 3 | 1u << 5);
	assert_int_equal(effect.enable_hart, 0);
	assert_int_equal(effect.enable_bits, 1u << 3);
	assert_int_equal(rd(ENABLE(S_CONTEXT(0), 0)), 1u << 3);
	/* Writes other than enables leave the physical PLIC alone. */
	effect = wr(PRIORITY(3), 1);
	assert_int_equal(effect.enable_hart, -1);
	effect = wr(THRESHOLD(S_CONTEXT(0)), 1);
	assert_int_equal(effect.enable_hart, -1);
}

/* Even for a config that names it: its bit reads 0 and it never interrupts. */
static void source_0_does_not_exist(void **unused)
{
	(void)unused;
	own(&zone, 0);
	wr(PRIORITY(0), 7);
	assert_int_equal(rd(PRIORITY(0)), 0);
	wr(ENABLE(S_CONTEXT(0), 0), 1);
	assert_int_equal(rd(ENABLE(S_CONTEXT(0), 0)), 0);
	assert_false(vplic_state_raise(&state, &zone, 0));
	assert_int_equal(claim(0), 0);
}

static void another_zones_sources_are_invisible_and_unchanged(void **unused)
{
	(void)unused;
	struct vplic_state before;

	memcpy(&before, &state, sizeof(state));
	for (unsigned i = 0; i < 2; i++) {
		uint32_t source = other_sources[i];
		wr(PRIORITY(source), 7);
		assert_int_equal(rd(PRIORITY(source)), 0);
		assert_false(vplic_state_raise(&state, &zone, source));
		wr(ENABLE(S_CONTEXT(0), 0), 1u << source);
	}
	assert_memory_equal(&before, &state, sizeof(state));
	assert_int_equal(rd(PENDING(0)), 0);
	assert_int_equal(rd(ENABLE(S_CONTEXT(0), 0)), 0);
	assert_false(vplic_state_raise(&state, &zone, 0));
	assert_false(vplic_state_raise(&state, &zone, NUM_SOURCES));
	assert_false(vplic_state_raise(&state, &zone, 1024));
	assert_false(vplic_state_raise(&state, &zone, 0xffffffff));
}

static void expect_foreign(uint64_t offset)
{
	uint32_t value = 0xdeadbeef;
	struct vplic_effect effect;

	assert_int_equal(vplic_state_read(&state, &zone, offset, &value), VPLIC_FOREIGN_CONTEXT);
	assert_int_equal(value, 0);
	assert_int_equal(vplic_state_write(&state, &zone, offset, 0xffffffff, &effect),
			 VPLIC_FOREIGN_CONTEXT);
	assert_int_equal(effect.enable_hart, -1);
	assert_int_equal(effect.completed, 0);
}

/* M contexts, other harts' S contexts, contexts of no hart. */
static void only_the_zones_s_contexts_are_reachable(void **unused)
{
	(void)unused;
	struct vplic_state before;
	const uint64_t contexts[] = { M_CONTEXT(0), M_CONTEXT(1), S_CONTEXT(other_harts[0]),
				      S_CONTEXT(other_harts[1]), M_CONTEXT(2), S_CONTEXT(7),
				      S_CONTEXT(8), S_CONTEXT(100), 15871 };

	ready(1, 1);
	enable(1, 1);
	memcpy(&before, &state, sizeof(state));
	for (unsigned i = 0; i < sizeof(contexts) / sizeof(contexts[0]); i++) {
		expect_foreign(THRESHOLD(contexts[i]));
		expect_foreign(CLAIM(contexts[i]));
		expect_foreign(ENABLE(contexts[i], 0));
		expect_foreign(ENABLE(contexts[i], 31));
	}
	assert_memory_equal(&before, &state, sizeof(state));
	assert_true(pending(1));
}

/* zone0 lends a source and a hart: what it had set of them disappears. */
static void ownership_is_read_at_each_access(void **unused)
{
	(void)unused;
	ready(1, 1);
	enable(1, 2);
	wr(PRIORITY(2), 3);
	request(2);
	zone.sources[0] &= ~(1u << 1);
	assert_int_equal(claim(0), 0);
	assert_false(pending(1));
	assert_int_equal(rd(PRIORITY(1)), 0);
	zone.harts &= ~(1u << 1);
	assert_int_equal(vplic_state_deliverable(&state, &zone), 0);
	expect_foreign(CLAIM(S_CONTEXT(1)));
	zone.harts |= 1u << 1;
	assert_int_equal(vplic_state_deliverable(&state, &zone), 1u << 1);
	assert_int_equal(claim(1), 2);
}

static void a_harts_pending_state_is_its_contexts(void **unused)
{
	(void)unused;
	ready(1, 2);
	assert_true(vplic_state_hart_pending(&state, &zone, 0));
	assert_false(vplic_state_hart_pending(&state, &zone, 1));
	/* Not the zone's harts, or beyond any. */
	assert_false(vplic_state_hart_pending(&state, &zone, other_harts[0]));
	assert_false(vplic_state_hart_pending(&state, &zone, VPLIC_MAX_HARTS));
	assert_false(vplic_state_hart_pending(&state, &zone, 0xffffffffu));
	wr(THRESHOLD(S_CONTEXT(0)), 2);
	assert_false(vplic_state_hart_pending(&state, &zone, 0));
}

/* zone0 lends sources 2 and 33: what it had set of them is gone for good,
 * and its other sources keep theirs. */
static void lent_sources_are_forgotten(void **unused)
{
	(void)unused;
	uint32_t lent[32] = { 0 };

	ready(1, 1);
	ready(2, 3);
	ready(33, 4);
	enable(1, 33);
	assert_int_equal(claim(0), 33);
	lent[0] = 1u << 2;
	lent[1] = 1u << 1;
	vplic_state_forget(&state, lent);
	assert_int_equal(rd(PRIORITY(2)), 0);
	assert_int_equal(rd(PRIORITY(33)), 0);
	assert_int_equal(rd(ENABLE(S_CONTEXT(0), 0)), 1u << 1);
	assert_int_equal(rd(ENABLE(S_CONTEXT(0), 1)), 0);
	assert_int_equal(rd(ENABLE(S_CONTEXT(1), 1)), 0);
	assert_int_equal(rd(PENDING(0)), 1u << 1);
	assert_int_equal(rd(PRIORITY(1)), 1);
	/* Not in service any more: the next request is pending at once. */
	request(33);
	assert_true(pending(33));
	assert_int_equal(claim(0), 1);
	assert_int_equal(claim(0), 0);
}

static void expect_reserved(uint64_t offset)
{
	uint32_t value = 0xdeadbeef;
	struct vplic_effect effect;
	struct vplic_state before;

	memcpy(&before, &state, sizeof(state));
	assert_int_equal(vplic_state_read(&state, &zone, offset, &value), VPLIC_RESERVED);
	assert_int_equal(value, 0);
	assert_int_equal(vplic_state_write(&state, &zone, offset, 0xffffffff, &effect),
			 VPLIC_RESERVED);
	assert_int_equal(effect.enable_hart, -1);
	assert_int_equal(effect.completed, 0);
	assert_memory_equal(&before, &state, sizeof(state));
}

static void offsets_without_a_register(void **unused)
{
	(void)unused;
	ready(1, 1);
	expect_reserved(0x1080);                          /* after the pending words */
	expect_reserved(0x1ffc);
	expect_reserved(0x1f2000);                        /* after the last context's enables */
	expect_reserved(0x1ffffc);
	expect_reserved(THRESHOLD(S_CONTEXT(0)) + 8);     /* the rest of a context's page */
	expect_reserved(THRESHOLD(S_CONTEXT(0)) + 0xffc);
	expect_reserved(THRESHOLD(15872));                /* after the last context */
	expect_reserved(0x3fffffc);
	expect_reserved(0x4000000);
	expect_reserved(~0ULL - 3);
	/* Not 4-byte aligned. */
	expect_reserved(PRIORITY(1) + 2);
	expect_reserved(CLAIM(S_CONTEXT(0)) + 1);
	expect_reserved(ENABLE(S_CONTEXT(0), 0) + 3);
	assert_true(pending(1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(every_register_starts_at_0, setup),
		cmocka_unit_test_setup(a_reset_forgets_everything, setup),
		cmocka_unit_test_setup(priorities_and_thresholds_keep_3_bits, setup),
		cmocka_unit_test_setup(priority_0_never_interrupts, setup),
		cmocka_unit_test_setup(claims_come_by_priority_then_lowest_id, setup),
		cmocka_unit_test_setup(a_claim_clears_pending, setup),
		cmocka_unit_test_setup(only_priorities_above_the_threshold_interrupt, setup),
		cmocka_unit_test_setup(each_context_takes_what_it_enabled, setup),
		cmocka_unit_test_setup(a_request_in_service_waits_for_the_completion, setup),
		cmocka_unit_test_setup(only_a_source_in_service_completes, setup),
		cmocka_unit_test_setup(a_completion_needs_the_source_enabled_for_the_context, setup),
		cmocka_unit_test_setup(completions_of_no_such_source_are_ignored, setup),
		cmocka_unit_test_setup(pending_bits_are_read_only, setup),
		cmocka_unit_test_setup(enables_hold_the_zones_sources_only, setup),
		cmocka_unit_test_setup(source_0_does_not_exist, setup),
		cmocka_unit_test_setup(another_zones_sources_are_invisible_and_unchanged, setup),
		cmocka_unit_test_setup(only_the_zones_s_contexts_are_reachable, setup),
		cmocka_unit_test_setup(ownership_is_read_at_each_access, setup),
		cmocka_unit_test_setup(a_harts_pending_state_is_its_contexts, setup),
		cmocka_unit_test_setup(lent_sources_are_forgotten, setup),
		cmocka_unit_test_setup(offsets_without_a_register, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
