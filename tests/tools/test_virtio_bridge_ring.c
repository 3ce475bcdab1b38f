/* The bridge page's rings as the daemon uses them, on a bridge in ordinary
 * memory with the test playing the hypervisor: requests in order across
 * the wrap, a full response ring, the synchronous answer and the
 * handshake that lets the daemon sleep without missing a request. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "bridge_ring.h"

static struct virtio_bridge bridge;

static int clear_bridge(void **state)
{
	(void)state;
	memset(&bridge, 0, sizeof(bridge));
	return 0;
}

/* The hypervisor's side: one request at req_rear. */
static void produce(uint64_t address, uint64_t value)
{
	uint32_t rear = bridge.req_rear;

	assert_false(virtio_bridge_ring_full(bridge.req_front, rear));
	bridge.req_list[rear] = (struct virtio_bridge_request){
		.src_cpu = 2, .address = address, .size = 4, .value = value, .src_zone = 1,
		.is_write = 1,
	};
	__atomic_store_n(&bridge.req_rear, virtio_bridge_next(rear), __ATOMIC_RELEASE);
}

static void empty_ring_gives_nothing(void **state)
{
	struct virtio_bridge_request request;
	(void)state;

	assert_false(bridge_ring_take_request(&bridge, &request));
	assert_int_equal(bridge.req_front, 0);
}

static void requests_come_out_whole_and_in_order(void **state)
{
	struct virtio_bridge_request request;
	(void)state;

	produce(0xa003c50, 1);
	produce(0xa003c70, 0);
	assert_true(bridge_ring_take_request(&bridge, &request));
	assert_int_equal(request.address, 0xa003c50);
	assert_int_equal(request.value, 1);
	assert_int_equal(request.src_cpu, 2);
	assert_int_equal(request.src_zone, 1);
	assert_int_equal(request.size, 4);
	assert_int_equal(request.is_write, 1);
	assert_int_equal(request.need_interrupt, 0);
	assert_true(bridge_ring_take_request(&bridge, &request));
	assert_int_equal(request.address, 0xa003c70);
	assert_false(bridge_ring_take_request(&bridge, &request));
	assert_int_equal(bridge.req_front, 2);
}

static void full_ring_wraps_around(void **state)
{
	struct virtio_bridge_request request;
	(void)state;

	/* A full ring holds one entry less than its size. */
	for (unsigned i = 0; i < VIRTIO_BRIDGE_MAX_REQ - 1; i++)
		produce(i, i);
	assert_true(virtio_bridge_ring_full(bridge.req_front, bridge.req_rear));
	for (unsigned i = 0; i < VIRTIO_BRIDGE_MAX_REQ - 1; i++) {
		assert_true(bridge_ring_take_request(&bridge, &request));
		assert_int_equal(request.address, i);
	}
	for (unsigned i = 0; i < 3; i++)
		produce(100 + i, 0);
	assert_int_equal(bridge.req_rear, 2);
	for (unsigned i = 0; i < 3; i++) {
		assert_true(bridge_ring_take_request(&bridge, &request));
		assert_int_equal(request.address, 100 + i);
	}
	assert_false(bridge_ring_take_request(&bridge, &request));
	assert_int_equal(bridge.req_front, 2);
}

static void corrupt_rear_index_cannot_make_reading_endless(void **state)
{
	struct virtio_bridge_request request;
	unsigned taken = 0;
	(void)state;

	bridge.req_rear = 100;          /* 100 & 31 == 4 */
	while (taken < 2 * VIRTIO_BRIDGE_MAX_REQ && bridge_ring_take_request(&bridge, &request))
		taken++;
	assert_int_equal(taken, 4);
}

static void responses_stop_at_a_full_ring_and_wrap(void **state)
{
	(void)state;

	for (unsigned i = 0; i < VIRTIO_BRIDGE_MAX_REQ - 1; i++)
		assert_true(bridge_ring_push_response(&bridge, 1, 32 + i));
	assert_false(bridge_ring_push_response(&bridge, 1, 99));
	assert_int_equal(bridge.res_list[30].irq_id, 62);
	/* The hypervisor injects them all. */
	bridge.res_front = bridge.res_rear;
	assert_true(bridge_ring_push_response(&bridge, 2, 76));
	assert_true(bridge_ring_push_response(&bridge, 2, 78));
	assert_int_equal(bridge.res_rear, 1);
	assert_int_equal(bridge.res_list[31].target_zone, 2);
	assert_int_equal(bridge.res_list[31].irq_id, 76);
	assert_int_equal(bridge.res_list[0].irq_id, 78);
}

static void answer_sets_value_then_bumps_flag(void **state)
{
	(void)state;

	bridge.cfg_flags[3] = 7;
	bridge_ring_answer(&bridge, 3, 0x74726976);
	assert_int_equal(bridge.cfg_values[3], 0x74726976);
	assert_int_equal(bridge.cfg_flags[3], 8);
	bridge_ring_answer(&bridge, 3, 0);
	assert_int_equal(bridge.cfg_values[3], 0);
	assert_int_equal(bridge.cfg_flags[3], 9);
	for (unsigned cpu = 0; cpu < VIRTIO_BRIDGE_MAX_CPUS; cpu++)
		if (cpu != 3)
			assert_int_equal(bridge.cfg_flags[cpu], 0);
}

static void sleeping_asks_for_a_wakeup_only_when_empty(void **state)
{
	struct virtio_bridge_request request;
	(void)state;

	assert_true(bridge_ring_prepare_to_sleep(&bridge));
	assert_int_equal(bridge.need_wakeup, 1);
	bridge_ring_awake(&bridge);
	assert_int_equal(bridge.need_wakeup, 0);
	produce(0, 0);
	assert_false(bridge_ring_prepare_to_sleep(&bridge));
	assert_int_equal(bridge.need_wakeup, 0);
	assert_true(bridge_ring_take_request(&bridge, &request));
	assert_true(bridge_ring_prepare_to_sleep(&bridge));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(empty_ring_gives_nothing, clear_bridge),
		cmocka_unit_test_setup(requests_come_out_whole_and_in_order, clear_bridge),
		cmocka_unit_test_setup(full_ring_wraps_around, clear_bridge),
		cmocka_unit_test_setup(corrupt_rear_index_cannot_make_reading_endless, clear_bridge),
		cmocka_unit_test_setup(responses_stop_at_a_full_ring_and_wrap, clear_bridge),
		cmocka_unit_test_setup(answer_sets_value_then_bumps_flag, clear_bridge),
		cmocka_unit_test_setup(sleeping_asks_for_a_wakeup_only_when_empty, clear_bridge),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
