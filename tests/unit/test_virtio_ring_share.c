/* The bridge ring's fair shares: one zone cannot fill the ring, zones that
 * use it split it, and the hypervisor's resets always find room. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "virtio_ring_share.h"

/* Takes entries for `zone` while it is admitted and the ring has room, as
 * the hypervisor's push does; how many it took. */
static unsigned fill(struct virtio_ring_share *s, uint32_t front, unsigned zone)
{
	unsigned taken = 0;

	while (!virtio_bridge_ring_full(front, s->next) && virtio_ring_share_admits(s, zone)) {
		virtio_ring_share_take(s, zone);
		taken++;
	}
	return taken;
}

static void a_lone_zone_leaves_the_reserve_free(void **state)
{
	struct virtio_ring_share s;

	(void)state;
	virtio_ring_share_init(&s);
	assert_int_equal(fill(&s, 0, 1), VIRTIO_RING_FOR_ZONES);
	for (unsigned i = 0; i < VIRTIO_RING_RESERVED; i++) {
		assert_false(virtio_bridge_ring_full(0, s.next));
		virtio_ring_share_take(&s, VIRTIO_RING_HYPERVISOR);
	}
	assert_true(virtio_bridge_ring_full(0, s.next));
}

static void a_second_zone_gets_its_half_as_the_first_drains(void **state)
{
	struct virtio_ring_share s;
	uint32_t front = 0;

	(void)state;
	virtio_ring_share_init(&s);
	fill(&s, front, 1);
	/* Zone 2 gets an entry as soon as the first one is consumed... */
	assert_false(virtio_ring_share_admits(&s, 2));
	front = 1;
	virtio_ring_share_retire(&s, front);
	assert_true(virtio_ring_share_admits(&s, 2));
	virtio_ring_share_take(&s, 2);
	/* ...and zone 1 none until it is under half of the zones' part. */
	for (; s.held[1] >= VIRTIO_RING_FOR_ZONES / 2; front++) {
		assert_false(virtio_ring_share_admits(&s, 1));
		virtio_ring_share_retire(&s, front + 1);
		fill(&s, front + 1, 2);
	}
	assert_int_equal(s.held[2], VIRTIO_RING_FOR_ZONES / 2);
	assert_true(virtio_ring_share_admits(&s, 1));
	assert_int_equal(s.zones_holding, 2);
}

static void consumed_entries_are_given_back_once(void **state)
{
	struct virtio_ring_share s;

	(void)state;
	virtio_ring_share_init(&s);
	virtio_ring_share_take(&s, 3);
	virtio_ring_share_take(&s, VIRTIO_RING_HYPERVISOR);
	virtio_ring_share_take(&s, 3);
	virtio_ring_share_retire(&s, 2);
	virtio_ring_share_retire(&s, 2);
	assert_int_equal(s.held[3], 1);
	assert_int_equal(s.held_by_zones, 1);
	virtio_ring_share_retire(&s, 3);
	assert_int_equal(s.held[3], 0);
	assert_int_equal(s.zones_holding, 0);
	assert_int_equal(s.held_by_zones, 0);
}

/* req_front is written by zone0: a value past what was produced retires
 * what was produced and no more. */
static void a_front_beyond_the_producer_retires_only_what_was_produced(void **state)
{
	struct virtio_ring_share s;

	(void)state;
	virtio_ring_share_init(&s);
	virtio_ring_share_take(&s, 1);
	virtio_ring_share_take(&s, 1);
	virtio_ring_share_retire(&s, 17);
	assert_int_equal(s.held[1], 0);
	assert_int_equal(s.held_by_zones, 0);
	assert_int_equal(s.oldest, s.next);
	virtio_ring_share_retire(&s, 0xffffffffu);
	assert_int_equal(s.held_by_zones, 0);
}

static void every_zone_gets_an_entry_when_all_use_the_ring(void **state)
{
	struct virtio_ring_share s;

	(void)state;
	virtio_ring_share_init(&s);
	for (unsigned zone = 1; zone < MAX_ZONES; zone++) {
		assert_true(virtio_ring_share_admits(&s, zone));
		virtio_ring_share_take(&s, zone);
	}
	for (unsigned zone = 1; zone < MAX_ZONES; zone++)
		fill(&s, 0, zone);
	for (unsigned zone = 1; zone < MAX_ZONES; zone++)
		assert_int_equal(s.held[zone], VIRTIO_RING_FOR_ZONES / (MAX_ZONES - 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_lone_zone_leaves_the_reserve_free),
		cmocka_unit_test(a_second_zone_gets_its_half_as_the_first_drains),
		cmocka_unit_test(consumed_entries_are_given_back_once),
		cmocka_unit_test(a_front_beyond_the_producer_retires_only_what_was_produced),
		cmocka_unit_test(every_zone_gets_an_entry_when_all_use_the_ring),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
