/* The descriptor-chain walker against every chain a guest could build:
 * valid ones, and ones pointing outside its RAM, wrapping, looping, running
 * off the table or mixing directions, none of which may reach a device. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "desc_chain.h"
#include "virtio_test_driver.h"

#define NUM 8

struct fixture {
	struct test_guest guest;
	struct test_queue queue;
	struct desc_chain chain;
};

static int set_up(void **state)
{
	static struct fixture f;

	test_guest_init(&f.guest);
	test_queue_layout(&f.guest, &f.queue, NUM);
	*state = &f;
	return 0;
}

static int tear_down(void **state)
{
	struct fixture *f = *state;

	test_guest_release(&f->guest);
	return 0;
}

static enum desc_chain_error walk(struct fixture *f, uint16_t head)
{
	return desc_chain_walk(f->queue.desc, NUM, head, &f->guest.memory, &f->chain);
}

static void valid_chain_lists_readable_then_writable_buffers(void **state)
{
	struct fixture *f = *state;
	uint64_t header = test_guest_alloc(&f->guest, 16, 8);
	uint64_t data = test_guest_alloc(&f->guest, 512, 8);
	uint64_t status = test_guest_alloc(&f->guest, 1, 1);

	test_queue_set_desc(&f->queue, 3, header, 16, VIRTQ_DESC_F_NEXT, 5);
	test_queue_set_desc(&f->queue, 5, data, 512, VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_WRITE, 0);
	test_queue_set_desc(&f->queue, 0, status, 1, VIRTQ_DESC_F_WRITE, 7);
	assert_int_equal(walk(f, 3), DESC_CHAIN_OK);
	assert_int_equal(f->chain.head, 3);
	assert_int_equal(f->chain.num_readable, 1);
	assert_int_equal(f->chain.num_writable, 2);
	assert_int_equal(f->chain.readable_bytes, 16);
	assert_int_equal(f->chain.writable_bytes, 513);
	assert_ptr_equal(f->chain.segments[0].data, test_guest_ptr(&f->guest, header));
	assert_ptr_equal(f->chain.segments[1].data, test_guest_ptr(&f->guest, data));
	assert_ptr_equal(f->chain.segments[2].data, test_guest_ptr(&f->guest, status));
}

static void buffer_outside_the_zone_fails(void **state)
{
	struct fixture *f = *state;

	test_queue_set_desc(&f->queue, 0, TEST_RAM_BASE - 16, 16, 0, 0);
	assert_int_equal(walk(f, 0), DESC_CHAIN_OUTSIDE_ZONE);
	test_queue_set_desc(&f->queue, 0, TEST_RAM_BASE + TEST_RAM_SIZE - 8, 16, 0, 0);
	assert_int_equal(walk(f, 0), DESC_CHAIN_OUTSIDE_ZONE);
	test_queue_set_desc(&f->queue, 0, 0x1000, 16, 0, 0);
	assert_int_equal(walk(f, 0), DESC_CHAIN_OUTSIDE_ZONE);
}

static void address_plus_length_overflow_fails(void **state)
{
	struct fixture *f = *state;

	test_queue_set_desc(&f->queue, 0, UINT64_MAX - 8, 16, 0, 0);
	assert_int_equal(walk(f, 0), DESC_CHAIN_OUTSIDE_ZONE);
	test_queue_set_desc(&f->queue, 0, UINT64_MAX, UINT32_MAX, 0, 0);
	assert_int_equal(walk(f, 0), DESC_CHAIN_OUTSIDE_ZONE);
}

static void huge_length_fails(void **state)
{
	struct fixture *f = *state;

	test_queue_set_desc(&f->queue, 0, TEST_RAM_BASE, UINT32_MAX, 0, 0);
	assert_int_equal(walk(f, 0), DESC_CHAIN_OUTSIDE_ZONE);
	test_queue_set_desc(&f->queue, 0, TEST_RAM_BASE, TEST_RAM_SIZE + 1, 0, 0);
	assert_int_equal(walk(f, 0), DESC_CHAIN_OUTSIDE_ZONE);
}

static void loop_fails(void **state)
{
	struct fixture *f = *state;

	test_queue_set_desc(&f->queue, 1, TEST_RAM_BASE, 4, VIRTQ_DESC_F_NEXT, 2);
	test_queue_set_desc(&f->queue, 2, TEST_RAM_BASE, 4, VIRTQ_DESC_F_NEXT, 1);
	assert_int_equal(walk(f, 1), DESC_CHAIN_TOO_LONG);
	test_queue_set_desc(&f->queue, 4, TEST_RAM_BASE, 4, VIRTQ_DESC_F_NEXT, 4);
	assert_int_equal(walk(f, 4), DESC_CHAIN_TOO_LONG);
}

static void next_out_of_range_fails(void **state)
{
	struct fixture *f = *state;

	test_queue_set_desc(&f->queue, 0, TEST_RAM_BASE, 4, VIRTQ_DESC_F_NEXT, NUM);
	assert_int_equal(walk(f, 0), DESC_CHAIN_NEXT_OUT_OF_RANGE);
	test_queue_set_desc(&f->queue, 0, TEST_RAM_BASE, 4, VIRTQ_DESC_F_NEXT, 0xffff);
	assert_int_equal(walk(f, 0), DESC_CHAIN_NEXT_OUT_OF_RANGE);
	assert_int_equal(walk(f, NUM), DESC_CHAIN_NEXT_OUT_OF_RANGE);
}

/* Every descriptor once is the longest chain; one more is too long. */
static void chain_longer_than_the_queue_fails(void **state)
{
	struct fixture *f = *state;

	for (uint16_t i = 0; i < NUM; i++)
		test_queue_set_desc(&f->queue, i, TEST_RAM_BASE + i, 1, VIRTQ_DESC_F_NEXT, i + 1);
	f->queue.desc[NUM - 1].flags = 0;
	assert_int_equal(walk(f, 0), DESC_CHAIN_OK);
	assert_int_equal(f->chain.num_readable, NUM);
	f->queue.desc[NUM - 1].flags = VIRTQ_DESC_F_NEXT;
	f->queue.desc[NUM - 1].next = 0;
	assert_int_equal(walk(f, 0), DESC_CHAIN_TOO_LONG);
	/* A table shorter than the queue size the walker is told is never read past. */
	assert_int_equal(desc_chain_walk(f->queue.desc, 4, 0, &f->guest.memory, &f->chain),
			 DESC_CHAIN_NEXT_OUT_OF_RANGE);
}

static void readable_after_writable_fails(void **state)
{
	struct fixture *f = *state;

	test_queue_set_desc(&f->queue, 0, TEST_RAM_BASE, 4, VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_WRITE, 1);
	test_queue_set_desc(&f->queue, 1, TEST_RAM_BASE + 4, 4, 0, 0);
	assert_int_equal(walk(f, 0), DESC_CHAIN_READ_AFTER_WRITE);
}

static void indirect_descriptors_fail(void **state)
{
	struct fixture *f = *state;

	test_queue_set_desc(&f->queue, 0, TEST_RAM_BASE, 16, VIRTQ_DESC_F_INDIRECT, 0);
	assert_int_equal(walk(f, 0), DESC_CHAIN_INDIRECT);
}

static void copies_cross_segment_boundaries(void **state)
{
	struct fixture *f = *state;
	uint64_t a = test_guest_alloc(&f->guest, 3, 1);
	uint64_t b = test_guest_alloc(&f->guest, 5, 1);
	uint64_t c = test_guest_alloc(&f->guest, 4, 1);
	uint64_t d = test_guest_alloc(&f->guest, 4, 1);
	char out[8] = "";
	struct iovec iov[VIRTQUEUE_MAX_SIZE];

	memcpy(test_guest_ptr(&f->guest, a), "abc", 3);
	memcpy(test_guest_ptr(&f->guest, b), "defgh", 5);
	test_queue_set_desc(&f->queue, 0, a, 3, VIRTQ_DESC_F_NEXT, 1);
	test_queue_set_desc(&f->queue, 1, b, 5, VIRTQ_DESC_F_NEXT, 2);
	test_queue_set_desc(&f->queue, 2, c, 4, VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_WRITE, 3);
	test_queue_set_desc(&f->queue, 3, d, 4, VIRTQ_DESC_F_WRITE, 0);
	assert_int_equal(walk(f, 0), DESC_CHAIN_OK);
	assert_int_equal(desc_chain_read(&f->chain, 2, out, 4), 4);
	assert_memory_equal(out, "cdef", 4);
	assert_int_equal(desc_chain_read(&f->chain, 6, out, 8), 2);
	assert_int_equal(desc_chain_write(&f->chain, 2, "WXYZ", 4), 4);
	assert_memory_equal((uint8_t *)test_guest_ptr(&f->guest, c) + 2, "WX", 2);
	assert_memory_equal(test_guest_ptr(&f->guest, d), "YZ", 2);
	assert_int_equal(desc_chain_write(&f->chain, 7, "12", 2), 1);
	assert_int_equal(desc_chain_iov(&f->chain, true, 3, 100, iov), 2);
	assert_int_equal(iov[0].iov_len, 1);
	assert_int_equal(iov[1].iov_len, 4);
}

static void partial_transfers_consume_iovecs(void **state)
{
	uint8_t a[4] = { 0 }, b[6] = { 0 }, c[3] = { 0 };
	struct iovec iovs[] = { { a, 0 }, { a, 4 }, { b, 6 }, { c, 3 } };
	struct iovec *iov = iovs;
	size_t count = 4;

	(void)state;
	desc_chain_iov_consume(&iov, &count, 0);
	assert_ptr_equal(iov, &iovs[1]);
	assert_int_equal(count, 3);
	desc_chain_iov_consume(&iov, &count, 7);
	assert_ptr_equal(iov, &iovs[2]);
	assert_int_equal(count, 2);
	assert_ptr_equal(iov->iov_base, b + 3);
	assert_int_equal(iov->iov_len, 3);
	desc_chain_iov_consume(&iov, &count, 6);
	assert_int_equal(count, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(valid_chain_lists_readable_then_writable_buffers, set_up, tear_down),
		cmocka_unit_test_setup_teardown(buffer_outside_the_zone_fails, set_up, tear_down),
		cmocka_unit_test_setup_teardown(address_plus_length_overflow_fails, set_up, tear_down),
		cmocka_unit_test_setup_teardown(huge_length_fails, set_up, tear_down),
		cmocka_unit_test_setup_teardown(loop_fails, set_up, tear_down),
		cmocka_unit_test_setup_teardown(next_out_of_range_fails, set_up, tear_down),
		cmocka_unit_test_setup_teardown(chain_longer_than_the_queue_fails, set_up, tear_down),
		cmocka_unit_test_setup_teardown(readable_after_writable_fails, set_up, tear_down),
		cmocka_unit_test_setup_teardown(indirect_descriptors_fail, set_up, tear_down),
		cmocka_unit_test_setup_teardown(copies_cross_segment_boundaries, set_up, tear_down),
		cmocka_unit_test(partial_transfers_consume_iovecs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
