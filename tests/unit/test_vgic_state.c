/* The virtual GICv3's pure logic: list-register values, the queue of
 * interrupts waiting for a free list register, and ownership masks. Expected
 * list-register values are built here from the GICv3 architecture
 * specification's layout of ICH_LR<n>_EL2, independently of asm/vgic_state.h:
 *   State [63:62] (0b01 pending, 0b10 active, 0b11 both), HW [61],
 *   Group [60], Priority [55:48], pINTID [41:32] (with HW; bit 41 is EOI
 *   without it), vINTID [31:0]. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <asm/vgic_state.h>

#define NUM_LRS 4

enum { FREE = 0, PENDING = 1, ACTIVE = 2, PENDING_ACTIVE = 3 };

/* Group 1 is the only group a guest is given. */
static uint64_t spec_lr(uint64_t state, uint64_t hw, uint64_t priority, uint64_t pintid,
			uint64_t vintid)
{
	return state << 62 | hw << 61 | 1ULL << 60 | priority << 48 | pintid << 32 | vintid;
}

static uint64_t spec_virtual(uint64_t state, uint64_t priority, uint64_t intid)
{
	return spec_lr(state, 0, priority, 0, intid);
}

static uint64_t spec_hw(uint64_t state, uint64_t priority, uint64_t intid)
{
	return spec_lr(state, 1, priority, intid, intid);
}

static unsigned state_of(uint64_t lr)
{
	return (unsigned)(lr >> 62);
}

static void clear_queue(struct vgic_queue *q)
{
	memset(q, 0, sizeof(*q));
}

static bool queued(const struct vgic_queue *q, uint32_t intid)
{
	return bitmap_test(q->bits, intid);
}

/* Priorities by INTID, as the guest programmed them; refill passes the
 * vCPU as ctx, here the table itself. */
static uint8_t priorities[VGIC_MAX_INTID];
static unsigned priority_calls;

static uint8_t table_priority(const void *ctx, uint32_t intid)
{
	assert_ptr_equal(ctx, priorities);
	assert_true(intid < VGIC_MAX_INTID);
	priority_calls++;
	return ((const uint8_t *)ctx)[intid];
}

static int reset_priorities(void **state)
{
	(void)state;
	memset(priorities, 0xa0, sizeof(priorities));
	priority_calls = 0;
	return 0;
}

/* --- vgic_lr_make and the LR accessors --- */

static void lr_make_virtual_interrupt(void **state)
{
	(void)state;
	/* State 0b01, Group 1, priority 0x80, vINTID 5; no HW, no pINTID, no EOI. */
	assert_int_equal(vgic_lr_make(5, false, 0x80), 0x5080000000000005ULL);
	assert_int_equal(vgic_lr_make(5, false, 0x80), spec_virtual(PENDING, 0x80, 5));
	/* Bits [47:32] stay clear for every SGI: a pINTID there would be the EOI
	 * bit (41) when HW is 0. */
	for (uint32_t intid = 0; intid < VGIC_FIRST_PPI; intid++) {
		uint64_t lr = vgic_lr_make(intid, false, 0x10);
		assert_int_equal(lr, spec_virtual(PENDING, 0x10, intid));
		assert_int_equal(lr & 0x0000ffff00000000ULL, 0);
	}
}

static void lr_make_hardware_interrupt(void **state)
{
	(void)state;
	/* State 0b01, HW, Group 1, priority 0xa0, pINTID 27, vINTID 27. */
	assert_int_equal(vgic_lr_make(27, true, 0xa0), 0x70a0001b0000001bULL);
	/* The largest SPI: pINTID uses all ten bits [41:32]. */
	assert_int_equal(vgic_lr_make(1019, true, 0x00), 0x700003fb000003fbULL);
	assert_int_equal(vgic_lr_make(1019, true, 0x00), spec_hw(PENDING, 0x00, 1019));
	assert_int_equal(vgic_lr_make(48, true, 0x58), spec_hw(PENDING, 0x58, 48));
}

static void lr_make_priority_stays_in_its_field(void **state)
{
	(void)state;
	/* All eight priority bits, and none spilling into Group or pINTID. */
	assert_int_equal(vgic_lr_make(0, false, 0xff), 0x50ff000000000000ULL);
	assert_int_equal(vgic_lr_make(0, false, 0x01), 0x5001000000000000ULL);
	assert_int_equal(vgic_lr_make(1023, true, 0xff), 0x70ff03ff000003ffULL);
	for (unsigned p = 0; p < 256; p++)
		assert_int_equal(vgic_lr_make(40, true, (uint8_t)p), spec_hw(PENDING, p, 40));
}

static void lr_accessors(void **state)
{
	(void)state;
	assert_int_equal(vgic_lr_intid(spec_hw(PENDING_ACTIVE, 0xff, 1019)), 1019);
	assert_int_equal(vgic_lr_intid(spec_virtual(ACTIVE, 0, 7)), 7);
	assert_true(vgic_lr_is_free(0));
	/* Free means state 0b00, whatever the other fields still hold. */
	assert_true(vgic_lr_is_free(spec_hw(FREE, 0xa0, 48)));
	assert_false(vgic_lr_is_free(spec_virtual(PENDING, 0, 0)));
	assert_false(vgic_lr_is_free(spec_virtual(ACTIVE, 0, 0)));
	assert_false(vgic_lr_is_free(spec_hw(PENDING_ACTIVE, 0, 40)));
}

/* --- vgic_lrs_place --- */

static void place_uses_the_first_free_lr(void **state)
{
	uint64_t lrs[NUM_LRS] = { spec_hw(ACTIVE, 0x80, 40), 0, spec_virtual(PENDING, 0x80, 1), 0 };

	(void)state;
	assert_true(vgic_lrs_place(lrs, NUM_LRS, 48, true, 0x20));
	assert_int_equal(lrs[0], spec_hw(ACTIVE, 0x80, 40));
	assert_int_equal(lrs[1], spec_hw(PENDING, 0x20, 48));
	assert_int_equal(lrs[2], spec_virtual(PENDING, 0x80, 1));
	assert_int_equal(lrs[3], 0);

	assert_true(vgic_lrs_place(lrs, NUM_LRS, 3, false, 0x30));
	assert_int_equal(lrs[3], spec_virtual(PENDING, 0x30, 3));
}

static void place_reuses_an_lr_the_guest_has_finished_with(void **state)
{
	/* LR 0 still names INTID 48 but its state is 0b00: it is free, and a new
	 * INTID 48 is a new interrupt, not a merge with a finished one. */
	uint64_t lrs[NUM_LRS] = { spec_hw(FREE, 0x80, 48), spec_hw(ACTIVE, 0x80, 40),
				  spec_hw(ACTIVE, 0x80, 41), spec_hw(ACTIVE, 0x80, 42) };

	(void)state;
	assert_true(vgic_lrs_place(lrs, NUM_LRS, 48, true, 0x10));
	assert_int_equal(lrs[0], spec_hw(PENDING, 0x10, 48));
}

static void place_with_every_lr_busy_fails_and_changes_nothing(void **state)
{
	uint64_t lrs[NUM_LRS] = { spec_hw(ACTIVE, 0x80, 40), spec_hw(PENDING, 0x80, 41),
				  spec_virtual(PENDING_ACTIVE, 0x80, 1), spec_virtual(ACTIVE, 0, 2) };
	uint64_t before[NUM_LRS];

	(void)state;
	memcpy(before, lrs, sizeof(lrs));
	assert_false(vgic_lrs_place(lrs, NUM_LRS, 48, true, 0x20));
	assert_false(vgic_lrs_place(lrs, NUM_LRS, 3, false, 0x20));
	assert_memory_equal(lrs, before, sizeof(lrs));
}

static void place_looks_only_at_the_lrs_that_exist(void **state)
{
	/* Two list registers implemented, both busy: the array beyond is not theirs. */
	uint64_t lrs[NUM_LRS] = { spec_hw(ACTIVE, 0x80, 40), spec_hw(ACTIVE, 0x80, 41), 0, 0 };

	(void)state;
	assert_false(vgic_lrs_place(lrs, 2, 48, true, 0x20));
	assert_int_equal(lrs[2], 0);
	assert_int_equal(lrs[3], 0);
	assert_false(vgic_lrs_place(lrs, 0, 48, true, 0x20));
	assert_int_equal(lrs[2], 0);
}

static void place_adds_pending_to_an_active_virtual_interrupt(void **state)
{
	/* The free LR comes first: the existing LR must still be found. */
	uint64_t lrs[NUM_LRS] = { 0, spec_hw(ACTIVE, 0x80, 40), spec_virtual(ACTIVE, 0x60, 5), 0 };

	(void)state;
	assert_true(vgic_lrs_place(lrs, NUM_LRS, 5, false, 0x60));
	assert_int_equal(lrs[2], spec_virtual(PENDING_ACTIVE, 0x60, 5));
	assert_int_equal(state_of(lrs[2]), 0x3);
	assert_int_equal(lrs[0], 0);
	assert_int_equal(lrs[1], spec_hw(ACTIVE, 0x80, 40));
	assert_int_equal(lrs[3], 0);
}

static void place_does_not_duplicate_a_pending_virtual_interrupt(void **state)
{
	uint64_t lrs[NUM_LRS] = { 0, spec_virtual(PENDING, 0x60, 5), 0, 0 };

	(void)state;
	assert_true(vgic_lrs_place(lrs, NUM_LRS, 5, false, 0x60));
	assert_int_equal(lrs[1], spec_virtual(PENDING, 0x60, 5));
	assert_int_equal(lrs[0], 0);
	assert_int_equal(lrs[2], 0);
	assert_int_equal(lrs[3], 0);

	/* Pending and active already: stays so, still in one LR. */
	lrs[1] = spec_virtual(PENDING_ACTIVE, 0x60, 5);
	assert_true(vgic_lrs_place(lrs, NUM_LRS, 5, false, 0x60));
	assert_int_equal(lrs[1], spec_virtual(PENDING_ACTIVE, 0x60, 5));
	assert_int_equal(lrs[0], 0);
}

static void place_does_not_duplicate_a_hardware_interrupt(void **state)
{
	uint64_t lrs[NUM_LRS] = { 0, 0, spec_hw(ACTIVE, 0x80, 48), 0 };

	(void)state;
	/* Active: the physical interrupt cannot be pending again until the
	 * guest's EOI deactivates it, so nothing is added. */
	assert_true(vgic_lrs_place(lrs, NUM_LRS, 48, true, 0x80));
	assert_int_equal(lrs[2], spec_hw(ACTIVE, 0x80, 48));
	assert_int_equal(lrs[0], 0);
	assert_int_equal(lrs[1], 0);
	assert_int_equal(lrs[3], 0);

	lrs[2] = spec_hw(PENDING, 0x80, 48);
	assert_true(vgic_lrs_place(lrs, NUM_LRS, 48, true, 0x80));
	assert_int_equal(lrs[2], spec_hw(PENDING, 0x80, 48));
	assert_int_equal(lrs[0], 0);
	assert_int_equal(lrs[1], 0);
	assert_int_equal(lrs[3], 0);
}

/* --- the queue --- */

static void queue_add_is_idempotent(void **state)
{
	struct vgic_queue q;

	(void)state;
	clear_queue(&q);
	assert_int_equal(vgic_queue_count(&q), 0);
	assert_true(vgic_queue_add(&q, 40));
	assert_int_equal(vgic_queue_count(&q), 1);
	assert_false(vgic_queue_add(&q, 40));
	assert_int_equal(vgic_queue_count(&q), 1);
	assert_true(queued(&q, 40));
}

static void queue_remove(void **state)
{
	struct vgic_queue q;

	(void)state;
	clear_queue(&q);
	assert_false(vgic_queue_remove(&q, 40));
	assert_int_equal(vgic_queue_count(&q), 0);

	assert_true(vgic_queue_add(&q, 40));
	assert_true(vgic_queue_add(&q, 41));
	assert_false(vgic_queue_remove(&q, 42));
	assert_int_equal(vgic_queue_count(&q), 2);
	assert_true(vgic_queue_remove(&q, 40));
	assert_int_equal(vgic_queue_count(&q), 1);
	assert_false(queued(&q, 40));
	assert_true(queued(&q, 41));
	assert_false(vgic_queue_remove(&q, 40));
	assert_int_equal(vgic_queue_count(&q), 1);
	assert_true(vgic_queue_remove(&q, 41));
	assert_int_equal(vgic_queue_count(&q), 0);
	/* And it can be queued again. */
	assert_true(vgic_queue_add(&q, 40));
	assert_int_equal(vgic_queue_count(&q), 1);
}

static void queue_word_boundaries(void **state)
{
	static const uint32_t edges[] = { 0, 63, 64, 1023 };
	struct vgic_queue q;

	(void)state;
	clear_queue(&q);
	for (unsigned i = 0; i < 4; i++) {
		assert_true(vgic_queue_add(&q, edges[i]));
		assert_int_equal(vgic_queue_count(&q), i + 1);
	}
	for (uint32_t intid = 0; intid < VGIC_MAX_INTID; intid++) {
		bool expected = intid == 0 || intid == 63 || intid == 64 || intid == 1023;
		if (queued(&q, intid) != expected)
			fail_msg("INTID %u %s", intid, expected ? "not queued" : "queued");
	}
	for (unsigned i = 0; i < 4; i++)
		assert_false(vgic_queue_add(&q, edges[i]));
	assert_int_equal(vgic_queue_count(&q), 4);
	/* Neighbours across each boundary are not there. */
	assert_false(vgic_queue_remove(&q, 1));
	assert_false(vgic_queue_remove(&q, 62));
	assert_false(vgic_queue_remove(&q, 65));
	assert_false(vgic_queue_remove(&q, 1022));
	assert_false(vgic_queue_remove(&q, 960));
	for (unsigned i = 0; i < 4; i++) {
		assert_true(vgic_queue_remove(&q, edges[i]));
		assert_false(queued(&q, edges[i]));
		assert_int_equal(vgic_queue_count(&q), 3 - i);
	}
	for (unsigned w = 0; w < BITMAP_WORDS(VGIC_MAX_INTID); w++)
		assert_int_equal(q.bits[w], 0);
}

/* What was held moves over whole, merges with what is already queued, and
 * leaves the held set empty. */
static void queue_move_all(void **state)
{
	static const uint32_t held_intids[] = { 32, 48, 63, 64, 1023 };
	struct vgic_queue from, to;

	(void)state;
	clear_queue(&from);
	clear_queue(&to);
	for (unsigned i = 0; i < 5; i++)
		assert_true(vgic_queue_add(&from, held_intids[i]));
	assert_true(vgic_queue_add(&to, 48));
	assert_true(vgic_queue_add(&to, 27));

	vgic_queue_move_all(&to, &from);

	assert_int_equal(vgic_queue_count(&from), 0);
	for (unsigned w = 0; w < BITMAP_WORDS(VGIC_MAX_INTID); w++)
		assert_int_equal(from.bits[w], 0);
	assert_int_equal(vgic_queue_count(&to), 6);
	for (unsigned i = 0; i < 5; i++)
		assert_true(queued(&to, held_intids[i]));
	assert_true(queued(&to, 27));

	vgic_queue_move_all(&to, &from);
	assert_int_equal(vgic_queue_count(&to), 6);
}

/* --- vgic_lrs_refill --- */

static void refill_most_urgent_first(void **state)
{
	uint64_t lrs[NUM_LRS] = { spec_hw(ACTIVE, 0x80, 90), 0, spec_hw(ACTIVE, 0x80, 91), 0 };
	struct vgic_queue q;

	(void)state;
	clear_queue(&q);
	priorities[40] = 0x80;
	priorities[50] = 0x10;
	priorities[60] = 0x40;
	priorities[70] = 0xa0;
	priorities[5] = 0x20;
	vgic_queue_add(&q, 40);
	vgic_queue_add(&q, 50);
	vgic_queue_add(&q, 60);
	vgic_queue_add(&q, 70);
	vgic_queue_add(&q, 5);

	assert_int_equal(vgic_lrs_refill(lrs, NUM_LRS, &q, table_priority, priorities), 3);
	assert_true(priority_calls > 0);
	/* 0x10 into the first free LR, then 0x20; each with its own priority. */
	assert_int_equal(lrs[1], spec_hw(PENDING, 0x10, 50));
	assert_int_equal(lrs[3], spec_virtual(PENDING, 0x20, 5));
	assert_int_equal(lrs[0], spec_hw(ACTIVE, 0x80, 90));
	assert_int_equal(lrs[2], spec_hw(ACTIVE, 0x80, 91));
	assert_int_equal(vgic_queue_count(&q), 3);
	assert_false(queued(&q, 50));
	assert_false(queued(&q, 5));
	assert_true(queued(&q, 40));
	assert_true(queued(&q, 60));
	assert_true(queued(&q, 70));

	/* The guest finishes with LR 0: the next most urgent (0x40) goes in. */
	lrs[0] = 0;
	assert_int_equal(vgic_lrs_refill(lrs, NUM_LRS, &q, table_priority, priorities), 2);
	assert_int_equal(lrs[0], spec_hw(PENDING, 0x40, 60));
	assert_false(queued(&q, 60));
}

static void refill_urgency_is_by_value_not_by_intid(void **state)
{
	uint64_t lrs[1] = { 0 };
	struct vgic_queue q;

	(void)state;
	clear_queue(&q);
	/* The highest INTID is the most urgent; the lowest the least. */
	priorities[0] = 0xf0;
	priorities[64] = 0x90;
	priorities[1023] = 0x00;
	vgic_queue_add(&q, 0);
	vgic_queue_add(&q, 64);
	vgic_queue_add(&q, 1023);

	assert_int_equal(vgic_lrs_refill(lrs, 1, &q, table_priority, priorities), 2);
	assert_int_equal(lrs[0], spec_hw(PENDING, 0x00, 1023));
	lrs[0] = 0;
	assert_int_equal(vgic_lrs_refill(lrs, 1, &q, table_priority, priorities), 1);
	assert_int_equal(lrs[0], spec_hw(PENDING, 0x90, 64));
	lrs[0] = 0;
	assert_int_equal(vgic_lrs_refill(lrs, 1, &q, table_priority, priorities), 0);
	assert_int_equal(lrs[0], spec_virtual(PENDING, 0xf0, 0));
}

static void refill_delivers_the_least_urgent_priority_too(void **state)
{
	uint64_t lrs[NUM_LRS] = { 0 };
	struct vgic_queue q;

	(void)state;
	clear_queue(&q);
	priorities[100] = 0xff;
	priorities[7] = 0xff;
	vgic_queue_add(&q, 100);
	vgic_queue_add(&q, 7);
	assert_int_equal(vgic_lrs_refill(lrs, NUM_LRS, &q, table_priority, priorities), 0);
	assert_int_equal(vgic_queue_count(&q), 0);
	/* Both delivered, in some order, at priority 0xff. */
	bool got7 = lrs[0] == spec_virtual(PENDING, 0xff, 7) || lrs[1] == spec_virtual(PENDING, 0xff, 7);
	bool got100 = lrs[0] == spec_hw(PENDING, 0xff, 100) || lrs[1] == spec_hw(PENDING, 0xff, 100);
	assert_true(got7);
	assert_true(got100);
	assert_int_equal(lrs[2], 0);
	assert_int_equal(lrs[3], 0);
}

static void refill_sets_hw_only_for_ppis_and_spis(void **state)
{
	uint64_t lrs[NUM_LRS] = { 0 };
	struct vgic_queue q;

	(void)state;
	clear_queue(&q);
	/* Distinct priorities fix the order: 15, 16, 32, 1019. */
	priorities[15] = 0x10;
	priorities[16] = 0x20;
	priorities[32] = 0x30;
	priorities[1019] = 0x40;
	vgic_queue_add(&q, 1019);
	vgic_queue_add(&q, 32);
	vgic_queue_add(&q, 16);
	vgic_queue_add(&q, 15);

	assert_int_equal(vgic_lrs_refill(lrs, NUM_LRS, &q, table_priority, priorities), 0);
	assert_int_equal(lrs[0], spec_virtual(PENDING, 0x10, 15));     /* the last SGI */
	assert_int_equal(lrs[1], spec_hw(PENDING, 0x20, 16));          /* the first PPI */
	assert_int_equal(lrs[2], spec_hw(PENDING, 0x30, 32));          /* the first SPI */
	assert_int_equal(lrs[3], spec_hw(PENDING, 0x40, 1019));
	for (unsigned i = 1; i < NUM_LRS; i++)
		assert_int_equal((lrs[i] >> 32) & 0x3ff, lrs[i] & 0xffffffff);
	assert_int_equal((lrs[0] >> 32) & 0xffff, 0);
}

static void refill_with_every_lr_busy_changes_nothing(void **state)
{
	uint64_t lrs[NUM_LRS] = { spec_hw(ACTIVE, 0x80, 40), spec_hw(PENDING, 0x80, 41),
				  spec_virtual(PENDING_ACTIVE, 0x80, 1), spec_virtual(ACTIVE, 0, 2) };
	uint64_t before[NUM_LRS];
	struct vgic_queue q, q_before;

	(void)state;
	clear_queue(&q);
	vgic_queue_add(&q, 48);
	vgic_queue_add(&q, 3);
	memcpy(before, lrs, sizeof(lrs));
	q_before = q;
	assert_int_equal(vgic_lrs_refill(lrs, NUM_LRS, &q, table_priority, priorities), 2);
	assert_memory_equal(lrs, before, sizeof(lrs));
	assert_memory_equal(&q, &q_before, sizeof(q));
}

static void refill_of_an_empty_queue_changes_nothing(void **state)
{
	uint64_t lrs[NUM_LRS] = { 0, spec_hw(ACTIVE, 0x80, 40), 0, 0 };
	uint64_t before[NUM_LRS];
	struct vgic_queue q;

	(void)state;
	clear_queue(&q);
	memcpy(before, lrs, sizeof(lrs));
	assert_int_equal(vgic_lrs_refill(lrs, NUM_LRS, &q, table_priority, priorities), 0);
	assert_memory_equal(lrs, before, sizeof(lrs));
}

static void refill_merges_a_queued_sgi_with_its_active_lr(void **state)
{
	/* SGI 3 was delivered and is active; sent again, it was queued. */
	uint64_t lrs[NUM_LRS] = { spec_virtual(ACTIVE, 0x60, 3), 0, 0, 0 };
	struct vgic_queue q;

	(void)state;
	clear_queue(&q);
	priorities[3] = 0x60;
	vgic_queue_add(&q, 3);
	assert_int_equal(vgic_lrs_refill(lrs, NUM_LRS, &q, table_priority, priorities), 0);
	assert_int_equal(lrs[0], spec_virtual(PENDING_ACTIVE, 0x60, 3));
	assert_int_equal(lrs[1], 0);
	assert_int_equal(lrs[2], 0);
	assert_int_equal(lrs[3], 0);
	assert_false(queued(&q, 3));
}

/* 4 list registers, 10 queued interrupts (SGIs, PPIs, SPIs, some sharing a
 * priority). Each round refills, records every LR that went from free to
 * busy as a delivery, then the guest EOIs some of them. Every interrupt is
 * delivered exactly once, never ahead of a more urgent one still queued, and
 * the count refill returns is always what is left. */
static void refill_delivers_each_interrupt_exactly_once(void **state)
{
	static const struct {
		uint32_t intid;
		uint8_t priority;
	} queued_irqs[] = {
		{ 1, 0xa0 }, { 9, 0x20 }, { 15, 0x20 }, { 27, 0x60 }, { 33, 0xa0 },
		{ 48, 0x00 }, { 63, 0xf0 }, { 64, 0x60 }, { 79, 0x80 }, { 1019, 0x40 },
	};
	const unsigned total = sizeof(queued_irqs) / sizeof(queued_irqs[0]);
	unsigned delivered[VGIC_MAX_INTID] = { 0 };
	unsigned num_delivered = 0;
	uint64_t lrs[NUM_LRS] = { 0 };
	struct vgic_queue q;

	(void)state;
	clear_queue(&q);
	for (unsigned i = 0; i < total; i++) {
		priorities[queued_irqs[i].intid] = queued_irqs[i].priority;
		assert_true(vgic_queue_add(&q, queued_irqs[i].intid));
	}
	assert_int_equal(vgic_queue_count(&q), total);

	for (unsigned round = 0; round < 64 && num_delivered < total; round++) {
		uint64_t before[NUM_LRS];
		uint8_t least_urgent_delivered = 0;

		memcpy(before, lrs, sizeof(lrs));
		uint32_t left = vgic_lrs_refill(lrs, NUM_LRS, &q, table_priority, priorities);

		for (unsigned i = 0; i < NUM_LRS; i++) {
			if (!vgic_lr_is_free(before[i])) {
				assert_int_equal(lrs[i], before[i]);
				continue;
			}
			if (vgic_lr_is_free(lrs[i]))
				continue;
			uint32_t intid = (uint32_t)(lrs[i] & 0xffffffff);
			assert_true(intid < VGIC_MAX_INTID);
			assert_int_equal(lrs[i], intid < 16 ? spec_virtual(PENDING, priorities[intid], intid)
							    : spec_hw(PENDING, priorities[intid], intid));
			assert_false(queued(&q, intid));
			delivered[intid]++;
			num_delivered++;
			if (priorities[intid] > least_urgent_delivered)
				least_urgent_delivered = priorities[intid];
		}
		assert_int_equal(left, total - num_delivered);
		assert_int_equal(vgic_queue_count(&q), left);
		/* Nothing still queued is more urgent than what went in. */
		for (unsigned i = 0; i < total; i++)
			if (queued(&q, queued_irqs[i].intid))
				assert_true(queued_irqs[i].priority >= least_urgent_delivered);
		/* The guest never sees two LRs with the same INTID. */
		for (unsigned i = 0; i < NUM_LRS; i++)
			for (unsigned j = i + 1; j < NUM_LRS; j++)
				if (!vgic_lr_is_free(lrs[i]) && !vgic_lr_is_free(lrs[j]))
					assert_int_not_equal((uint32_t)lrs[i], (uint32_t)lrs[j]);
		/* If anything is left, no LR was left free. */
		if (left)
			for (unsigned i = 0; i < NUM_LRS; i++)
				assert_false(vgic_lr_is_free(lrs[i]));

		/* A sender raising an interrupt that is still queued adds nothing. */
		for (unsigned i = 0; i < total; i++)
			if (queued(&q, queued_irqs[i].intid))
				assert_false(vgic_queue_add(&q, queued_irqs[i].intid));
		assert_int_equal(vgic_queue_count(&q), left);

		/* The guest EOIs: all LRs on even rounds, one (rotating) on odd
		 * ones, leaving stale contents with state 0b00 as hardware does. */
		for (unsigned i = 0; i < NUM_LRS; i++)
			if (round % 2 == 0 || i == round % NUM_LRS)
				lrs[i] &= ~(3ULL << 62);
	}

	assert_int_equal(num_delivered, total);
	assert_int_equal(vgic_queue_count(&q), 0);
	for (uint32_t intid = 0; intid < VGIC_MAX_INTID; intid++) {
		unsigned expected = 0;
		for (unsigned i = 0; i < total; i++)
			if (queued_irqs[i].intid == intid)
				expected = 1;
		if (delivered[intid] != expected)
			fail_msg("INTID %u delivered %u times, expected %u", intid, delivered[intid],
				 expected);
	}
}

/* --- the guest's view of pending and active state --- */

static void lrs_bits_of_one_register(void **state)
{
	/* SGI 5 pending, PPI 27 active (hardware), SGI 3 pending and active,
	 * SPI 40 outside the register, one LR with stale contents, state 0b00. */
	uint64_t lrs[5] = { spec_virtual(PENDING, 0x80, 5), spec_hw(ACTIVE, 0x80, 27),
			    spec_virtual(PENDING_ACTIVE, 0x80, 3), spec_hw(PENDING, 0x80, 40),
			    spec_virtual(FREE, 0x80, 7) };
	struct vgic_bits bits = vgic_lrs_bits(lrs, 5, 0);

	(void)state;
	assert_int_equal(bits.pending, 1u << 5 | 1u << 3);
	assert_int_equal(bits.active, 1u << 27 | 1u << 3);
	bits = vgic_lrs_bits(lrs, 5, 32);
	assert_int_equal(bits.pending, 1u << 8);
	assert_int_equal(bits.active, 0);
	/* Only the LRs that exist are looked at. */
	bits = vgic_lrs_bits(lrs, 1, 0);
	assert_int_equal(bits.pending, 1u << 5);
	assert_int_equal(bits.active, 0);
}

static void lrs_bits_at_the_edges_of_a_register(void **state)
{
	uint64_t lrs[3] = { spec_hw(PENDING, 0, 63), spec_hw(ACTIVE, 0, 64), spec_hw(PENDING, 0, 1023) };
	struct vgic_bits bits = vgic_lrs_bits(lrs, 3, 32);

	(void)state;
	assert_int_equal(bits.pending, 1u << 31);
	assert_int_equal(bits.active, 0);
	bits = vgic_lrs_bits(lrs, 3, 64);
	assert_int_equal(bits.pending, 0);
	assert_int_equal(bits.active, 1u << 0);
	bits = vgic_lrs_bits(lrs, 3, 992);
	assert_int_equal(bits.pending, 1u << 31);
}

static void change_state_sets_and_clears_active(void **state)
{
	uint64_t lrs[NUM_LRS] = { spec_hw(PENDING, 0x80, 40), spec_virtual(PENDING, 0x60, 6), 0, 0 };

	(void)state;
	assert_true(vgic_lrs_change_state(lrs, NUM_LRS, 6, LR_STATE_ACTIVE, 0));
	assert_int_equal(lrs[1], spec_virtual(PENDING_ACTIVE, 0x60, 6));
	assert_true(vgic_lrs_change_state(lrs, NUM_LRS, 6, 0, LR_STATE_ACTIVE));
	assert_int_equal(lrs[1], spec_virtual(PENDING, 0x60, 6));
	assert_int_equal(lrs[0], spec_hw(PENDING, 0x80, 40));
}

static void change_state_frees_an_lr_left_with_nothing(void **state)
{
	uint64_t lrs[NUM_LRS] = { spec_virtual(PENDING, 0x60, 6), spec_virtual(PENDING_ACTIVE, 0x60, 7),
				  0, 0 };

	(void)state;
	assert_true(vgic_lrs_change_state(lrs, NUM_LRS, 6, 0, LR_STATE_PENDING));
	assert_int_equal(lrs[0], 0);
	assert_true(vgic_lrs_change_state(lrs, NUM_LRS, 7, 0, LR_STATE_PENDING));
	assert_int_equal(lrs[1], spec_virtual(ACTIVE, 0x60, 7));
	assert_true(vgic_lrs_change_state(lrs, NUM_LRS, 7, 0, LR_STATE_ACTIVE));
	assert_int_equal(lrs[1], 0);
}

static void change_state_of_an_interrupt_in_no_lr_fails(void **state)
{
	/* INTID 6 only in a finished LR, 8 in no LR at all. */
	uint64_t lrs[NUM_LRS] = { spec_virtual(FREE, 0x60, 6), spec_virtual(PENDING, 0x60, 5), 0, 0 };
	uint64_t before[NUM_LRS];

	(void)state;
	memcpy(before, lrs, sizeof(lrs));
	assert_false(vgic_lrs_change_state(lrs, NUM_LRS, 6, LR_STATE_ACTIVE, 0));
	assert_false(vgic_lrs_change_state(lrs, NUM_LRS, 8, 0, LR_STATE_PENDING));
	assert_memory_equal(lrs, before, sizeof(lrs));
}

static void change_state_touches_only_the_state_field(void **state)
{
	uint64_t lrs[1] = { spec_hw(PENDING, 0x80, 40) };

	(void)state;
	assert_true(vgic_lrs_change_state(lrs, 1, 40, ~0ULL, LR_HW));
	assert_int_equal(lrs[0], spec_hw(PENDING_ACTIVE, 0x80, 40));
}

static void queue_bits32_of_each_half_word(void **state)
{
	struct vgic_queue q;

	(void)state;
	clear_queue(&q);
	vgic_queue_add(&q, 0);
	vgic_queue_add(&q, 31);
	vgic_queue_add(&q, 32);
	vgic_queue_add(&q, 95);
	vgic_queue_add(&q, 1023);
	assert_int_equal(vgic_queue_bits32(&q, 0), 1u << 0 | 1u << 31);
	assert_int_equal(vgic_queue_bits32(&q, 32), 1u << 0);
	assert_int_equal(vgic_queue_bits32(&q, 64), 1u << 31);
	assert_int_equal(vgic_queue_bits32(&q, 96), 0);
	assert_int_equal(vgic_queue_bits32(&q, 992), 1u << 31);
}

/* INTID bit 0: a hardware interrupt EL2 acknowledged, in the reader's LR
 * and not yet acknowledged by the guest. */
static void guest_bits_of_an_interrupt_waiting_in_an_lr(void **state)
{
	struct vgic_bits physical = { .pending = 0, .active = 1 };
	struct vgic_bits lrs = { .pending = 1, .active = 0 };
	struct vgic_bits seen = vgic_guest_bits(physical, lrs, 0);

	(void)state;
	assert_int_equal(seen.pending, 1);
	assert_int_equal(seen.active, 0);
}

static void guest_bits_of_an_interrupt_the_guest_acknowledged(void **state)
{
	struct vgic_bits physical = { .pending = 0, .active = 1 };
	struct vgic_bits lrs = { .pending = 0, .active = 1 };
	struct vgic_bits seen = vgic_guest_bits(physical, lrs, 0);

	(void)state;
	assert_int_equal(seen.pending, 0);
	assert_int_equal(seen.active, 1);
}

static void guest_bits_of_a_waiting_interrupt(void **state)
{
	/* Active in the physical GIC, queued or held for a list register. */
	struct vgic_bits physical = { .pending = 0, .active = 1u << 4 };
	struct vgic_bits lrs = { 0, 0 };
	struct vgic_bits seen = vgic_guest_bits(physical, lrs, 1u << 4);

	(void)state;
	assert_int_equal(seen.pending, 1u << 4);
	assert_int_equal(seen.active, 0);
}

static void guest_bits_of_what_the_reader_cannot_see(void **state)
{
	/* Bit 1: active in the physical GIC, in no list register of the reader
	 * (another vCPU's, or set active by the guest): active. Bit 2: pending
	 * in the physical GIC, not yet taken by EL2. Bit 3: pending again while
	 * the guest handles it (a level interrupt still asserted). */
	struct vgic_bits physical = { .pending = 1u << 2 | 1u << 3, .active = 1u << 1 | 1u << 3 };
	struct vgic_bits lrs = { .pending = 0, .active = 1u << 3 };
	struct vgic_bits seen = vgic_guest_bits(physical, lrs, 0);

	(void)state;
	assert_int_equal(seen.pending, 1u << 2 | 1u << 3);
	assert_int_equal(seen.active, 1u << 1 | 1u << 3);
}

/* --- ownership masks --- */

/* The qemu-virt zone0: the PL011 (33) and virtio-mmio 48-79. */
static void own_zone0(uint32_t *owned)
{
	memset(owned, 0, 32 * sizeof(*owned));
	owned[33 / 32] |= 1u << (33 % 32);
	for (unsigned intid = 48; intid <= 79; intid++)
		owned[intid / 32] |= 1u << (intid % 32);
}

static void owned_mask_1bit(void **state)
{
	uint32_t owned[32];

	(void)state;
	own_zone0(owned);
	assert_int_equal(vgic_owned_mask_1bit(owned, 32), 0xffff0002);
	assert_int_equal(vgic_owned_mask_1bit(owned, 64), 0x0000ffff);
	assert_int_equal(vgic_owned_mask_1bit(owned, 0), 0);
	assert_int_equal(vgic_owned_mask_1bit(owned, 96), 0);
	assert_int_equal(vgic_owned_mask_1bit(owned, 992), 0);
}

static void owned_mask_2bit(void **state)
{
	uint32_t owned[32];

	(void)state;
	own_zone0(owned);
	/* GICD_ICFGR<n>: 16 INTIDs per register, two bits each. */
	assert_int_equal(vgic_owned_mask_2bit(owned, 32), 0x0000000c);
	assert_int_equal(vgic_owned_mask_2bit(owned, 48), 0xffffffff);
	assert_int_equal(vgic_owned_mask_2bit(owned, 64), 0xffffffff);
	assert_int_equal(vgic_owned_mask_2bit(owned, 80), 0);
	assert_int_equal(vgic_owned_mask_2bit(owned, 16), 0);
	assert_int_equal(vgic_owned_mask_2bit(owned, 1008), 0);
}

static void owned_mask_8bit(void **state)
{
	uint32_t owned[32];

	(void)state;
	own_zone0(owned);
	/* GICD_IPRIORITYR<n>: 4 INTIDs per word, a byte each. */
	assert_int_equal(vgic_owned_mask_8bit(owned, 32), 0x0000ff00);
	assert_int_equal(vgic_owned_mask_8bit(owned, 36), 0);
	assert_int_equal(vgic_owned_mask_8bit(owned, 44), 0);
	assert_int_equal(vgic_owned_mask_8bit(owned, 48), 0xffffffff);
	assert_int_equal(vgic_owned_mask_8bit(owned, 60), 0xffffffff);
	assert_int_equal(vgic_owned_mask_8bit(owned, 64), 0xffffffff);
	assert_int_equal(vgic_owned_mask_8bit(owned, 76), 0xffffffff);
	assert_int_equal(vgic_owned_mask_8bit(owned, 80), 0);
	assert_int_equal(vgic_owned_mask_8bit(owned, 1020), 0);
}

static void owned_masks_of_scattered_interrupts(void **state)
{
	uint32_t owned[32] = { 0 };

	(void)state;
	/* 35, 37, 47 and the very last INTID, 1023. */
	owned[1] = 1u << 3 | 1u << 5 | 1u << 15;
	owned[31] = 1u << 31;
	assert_int_equal(vgic_owned_mask_1bit(owned, 32), 0x00008028);
	assert_int_equal(vgic_owned_mask_2bit(owned, 32), 0xc0000cc0);
	assert_int_equal(vgic_owned_mask_8bit(owned, 32), 0xff000000);
	assert_int_equal(vgic_owned_mask_8bit(owned, 36), 0x0000ff00);
	assert_int_equal(vgic_owned_mask_8bit(owned, 44), 0xff000000);
	assert_int_equal(vgic_owned_mask_1bit(owned, 992), 0x80000000);
	assert_int_equal(vgic_owned_mask_2bit(owned, 1008), 0xc0000000);
	assert_int_equal(vgic_owned_mask_8bit(owned, 1020), 0xff000000);
}

#define PRIO_TEST(f) cmocka_unit_test_setup(f, reset_priorities)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lr_make_virtual_interrupt),
		cmocka_unit_test(lr_make_hardware_interrupt),
		cmocka_unit_test(lr_make_priority_stays_in_its_field),
		cmocka_unit_test(lr_accessors),
		cmocka_unit_test(place_uses_the_first_free_lr),
		cmocka_unit_test(place_reuses_an_lr_the_guest_has_finished_with),
		cmocka_unit_test(place_with_every_lr_busy_fails_and_changes_nothing),
		cmocka_unit_test(place_looks_only_at_the_lrs_that_exist),
		cmocka_unit_test(place_adds_pending_to_an_active_virtual_interrupt),
		cmocka_unit_test(place_does_not_duplicate_a_pending_virtual_interrupt),
		cmocka_unit_test(place_does_not_duplicate_a_hardware_interrupt),
		cmocka_unit_test(queue_add_is_idempotent),
		cmocka_unit_test(queue_remove),
		cmocka_unit_test(queue_word_boundaries),
		cmocka_unit_test(queue_move_all),
		PRIO_TEST(refill_most_urgent_first),
		PRIO_TEST(refill_urgency_is_by_value_not_by_intid),
		PRIO_TEST(refill_delivers_the_least_urgent_priority_too),
		PRIO_TEST(refill_sets_hw_only_for_ppis_and_spis),
		PRIO_TEST(refill_with_every_lr_busy_changes_nothing),
		PRIO_TEST(refill_of_an_empty_queue_changes_nothing),
		PRIO_TEST(refill_merges_a_queued_sgi_with_its_active_lr),
		PRIO_TEST(refill_delivers_each_interrupt_exactly_once),
		cmocka_unit_test(lrs_bits_of_one_register),
		cmocka_unit_test(lrs_bits_at_the_edges_of_a_register),
		cmocka_unit_test(change_state_sets_and_clears_active),
		cmocka_unit_test(change_state_frees_an_lr_left_with_nothing),
		cmocka_unit_test(change_state_of_an_interrupt_in_no_lr_fails),
		cmocka_unit_test(change_state_touches_only_the_state_field),
		cmocka_unit_test(queue_bits32_of_each_half_word),
		cmocka_unit_test(guest_bits_of_an_interrupt_waiting_in_an_lr),
		cmocka_unit_test(guest_bits_of_an_interrupt_the_guest_acknowledged),
		cmocka_unit_test(guest_bits_of_a_waiting_interrupt),
		cmocka_unit_test(guest_bits_of_what_the_reader_cannot_see),
		cmocka_unit_test(owned_mask_1bit),
		cmocka_unit_test(owned_mask_2bit),
		cmocka_unit_test(owned_mask_8bit),
		cmocka_unit_test(owned_masks_of_scattered_interrupts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
