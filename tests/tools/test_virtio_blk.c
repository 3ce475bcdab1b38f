/* virtio-blk end to end: a driver in a fake zone's memory, a temporary
 * image file, requests as Linux's virtio_blk builds them (header, data,
 * status in separate buffers), and the requests it must refuse. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "virtio_blk.h"
#include "virtio_test_driver.h"

#define SECTORS     64
#define QUEUE_SIZE  32

enum { T_IN = 0, T_OUT = 1, T_FLUSH = 4, T_GET_ID = 8, T_DISCARD = 11 };
enum { S_OK = 0, S_IOERR = 1, S_UNSUPP = 2 };

struct header {
	uint32_t type;
	uint32_t reserved;
	uint64_t sector;
};

struct fixture {
	struct test_guest guest;
	struct virtio_mmio_device *blk;
	struct test_queue queue;
	char image[32];
	int check_fd;                   /* the image as the test reads it */
};

static int set_up(void **state)
{
	static struct fixture f;

	test_guest_init(&f.guest);
	strcpy(f.image, "/tmp/tessera-blk-XXXXXX");
	int fd = mkstemp(f.image);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, SECTORS * 512), 0);
	f.check_fd = dup(fd);
	struct virtio_device_setup setup = test_guest_setup(&f.guest);
	f.blk = virtio_blk_create(&setup, fd, SECTORS * 512);
	assert_non_null(f.blk);
	test_device_start(&f.guest, f.blk,
			  VIRTIO_F_VERSION_1 | VIRTIO_BLK_F_SEG_MAX | VIRTIO_BLK_F_FLUSH, &f.queue, 1,
			  QUEUE_SIZE);
	*state = &f;
	return 0;
}

static int tear_down(void **state)
{
	struct fixture *f = *state;

	f->blk->ops->destroy(f->blk);
	close(f->check_fd);
	unlink(f->image);
	test_guest_release(&f->guest);
	return 0;
}

struct request {
	uint64_t header;
	uint64_t data;
	uint64_t status;
	uint16_t head;
};

/* Posts header, `len` bytes of data (device-writable for reads) and the
 * status byte, the way Linux does. */
static struct request post(struct fixture *f, uint32_t type, uint64_t sector, uint32_t len,
			   bool data_writable)
{
	struct request r = {
		.header = test_guest_alloc(&f->guest, sizeof(struct header), 8),
		.data = test_guest_alloc(&f->guest, len ? len : 1, 8),
		.status = test_guest_alloc(&f->guest, 1, 1),
	};
	struct header *h = test_guest_ptr(&f->guest, r.header);
	struct test_buffer buffers[3];
	unsigned count = 0;

	*h = (struct header){ .type = type, .sector = sector };
	*(uint8_t *)test_guest_ptr(&f->guest, r.status) = 0xff;
	buffers[count++] = (struct test_buffer){ r.header, sizeof(*h), false };
	if (len)
		buffers[count++] = (struct test_buffer){ r.data, len, data_writable };
	buffers[count++] = (struct test_buffer){ r.status, 1, true };
	r.head = test_queue_add(&f->queue, buffers, count);
	return r;
}

static uint8_t status_of(struct fixture *f, const struct request *r)
{
	return *(uint8_t *)test_guest_ptr(&f->guest, r->status);
}

/* Notifies, then expects exactly this request back with `len`. */
static void expect_completion(struct fixture *f, const struct request *r, uint32_t len)
{
	uint32_t id;
	uint32_t used_len;

	test_queue_notify(&f->queue);
	assert_true(test_queue_take_used(&f->queue, &id, &used_len));
	assert_int_equal(id, r->head);
	assert_int_equal(used_len, len);
	assert_false(test_queue_take_used(&f->queue, &id, &used_len));
}

static void capacity_and_seg_max_are_in_the_config_space(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(virtio_mmio_read(f->blk, VIRTIO_MMIO_CONFIG, 8), SECTORS);
	assert_int_equal(virtio_mmio_read(f->blk, VIRTIO_MMIO_CONFIG + 8, 4), 0);
	assert_int_equal(virtio_mmio_read(f->blk, VIRTIO_MMIO_CONFIG + 12, 4), 62);
}

static void write_then_read_then_flush(void **state)
{
	struct fixture *f = *state;
	uint8_t on_disk[1024];

	struct request w = post(f, T_OUT, 3, 1024, false);
	for (unsigned i = 0; i < 1024; i++)
		((uint8_t *)test_guest_ptr(&f->guest, w.data))[i] = (uint8_t)(i * 7);
	expect_completion(f, &w, 1);
	assert_int_equal(status_of(f, &w), S_OK);
	assert_int_equal(pread(f->check_fd, on_disk, sizeof(on_disk), 3 * 512), sizeof(on_disk));
	assert_memory_equal(on_disk, test_guest_ptr(&f->guest, w.data), sizeof(on_disk));

	struct request r = post(f, T_IN, 3, 1024, true);
	expect_completion(f, &r, 1024 + 1);
	assert_int_equal(status_of(f, &r), S_OK);
	assert_memory_equal(test_guest_ptr(&f->guest, r.data), on_disk, sizeof(on_disk));

	struct request flush = post(f, T_FLUSH, 0, 0, false);
	expect_completion(f, &flush, 1);
	assert_int_equal(status_of(f, &flush), S_OK);
	assert_int_equal(f->guest.irqs.count, 3);
}

struct split_read {
	uint64_t first;                 /* 100 bytes */
	uint64_t second;                /* 412 bytes */
	uint64_t status;
	uint8_t sector[512];            /* what the image holds there */
	uint32_t len;                   /* what the device said it wrote */
};

/* Writes a pattern into the image's last sector, then reads it back into
 * two buffers; the image is first cut to `image_bytes` past that sector. */
static void read_last_sector_split(struct fixture *f, struct split_read *r, off_t image_bytes)
{
	uint64_t header = test_guest_alloc(&f->guest, sizeof(struct header), 8);
	uint32_t id;

	r->first = test_guest_alloc(&f->guest, 100, 8);
	r->second = test_guest_alloc(&f->guest, 412, 8);
	r->status = test_guest_alloc(&f->guest, 1, 1);
	for (unsigned i = 0; i < sizeof(r->sector); i++)
		r->sector[i] = (uint8_t)(i ^ 0x5a);
	assert_int_equal(pwrite(f->check_fd, r->sector, sizeof(r->sector), (SECTORS - 1) * 512),
			 512);
	assert_int_equal(ftruncate(f->check_fd, (SECTORS - 1) * 512 + image_bytes), 0);
	*(struct header *)test_guest_ptr(&f->guest, header) =
		(struct header){ .type = T_IN, .sector = SECTORS - 1 };
	const struct test_buffer chain[] = {
		{ header, sizeof(struct header), false }, { r->first, 100, true },
		{ r->second, 412, true }, { r->status, 1, true },
	};
	test_queue_add(&f->queue, chain, 4);
	test_queue_notify(&f->queue);
	assert_true(test_queue_take_used(&f->queue, &id, &r->len));
}

static void data_split_over_several_buffers(void **state)
{
	struct fixture *f = *state;
	struct split_read r;

	read_last_sector_split(f, &r, 512);
	assert_int_equal(r.len, 513);
	assert_int_equal(*(uint8_t *)test_guest_ptr(&f->guest, r.status), S_OK);
	assert_memory_equal(test_guest_ptr(&f->guest, r.first), r.sector, 100);
	assert_memory_equal(test_guest_ptr(&f->guest, r.second), r.sector + 100, 412);
}

/* The image shrank under the daemon: the read stops short in the middle of
 * the second buffer, and the request fails with what was read in place. */
static void an_image_that_ends_early_fails_the_read(void **state)
{
	struct fixture *f = *state;
	struct split_read r;

	read_last_sector_split(f, &r, 300);
	assert_int_equal(*(uint8_t *)test_guest_ptr(&f->guest, r.status), S_IOERR);
	assert_memory_equal(test_guest_ptr(&f->guest, r.first), r.sector, 100);
	assert_memory_equal(test_guest_ptr(&f->guest, r.second), r.sector + 100, 200);
}

static void sectors_out_of_range_fail(void **state)
{
	struct fixture *f = *state;
	const struct { uint32_t type; uint64_t sector; uint32_t len; } cases[] = {
		{ T_IN, SECTORS, 512 },
		{ T_OUT, SECTORS - 1, 1024 },
		{ T_IN, UINT64_MAX, 512 },
		{ T_OUT, UINT64_MAX / 512 + 1, 512 },
	};

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct request r = post(f, cases[i].type, cases[i].sector, cases[i].len,
					cases[i].type == T_IN);
		expect_completion(f, &r, 1);
		assert_int_equal(status_of(f, &r), S_IOERR);
	}
}

static void get_id_and_unsupported_requests(void **state)
{
	struct fixture *f = *state;

	struct request id = post(f, T_GET_ID, 0, 20, true);
	expect_completion(f, &id, 21);
	assert_int_equal(status_of(f, &id), S_OK);
	assert_memory_equal(test_guest_ptr(&f->guest, id.data), "tessera-blk\0\0\0\0\0\0\0\0", 20);

	struct request discard = post(f, T_DISCARD, 0, 16, false);
	expect_completion(f, &discard, 1);
	assert_int_equal(status_of(f, &discard), S_UNSUPP);
}

static void malformed_requests_fail(void **state)
{
	struct fixture *f = *state;

	/* Data pointing the wrong way for the request. */
	struct request read_into_readable = post(f, T_IN, 0, 512, false);
	expect_completion(f, &read_into_readable, 1);
	assert_int_equal(status_of(f, &read_into_readable), S_IOERR);
	struct request write_from_writable = post(f, T_OUT, 0, 512, true);
	expect_completion(f, &write_from_writable, 1);
	assert_int_equal(status_of(f, &write_from_writable), S_IOERR);
	/* Not a whole number of sectors. */
	struct request partial = post(f, T_OUT, 0, 100, false);
	expect_completion(f, &partial, 1);
	assert_int_equal(status_of(f, &partial), S_IOERR);
}

static void chains_without_a_status_byte_come_back_unused(void **state)
{
	struct fixture *f = *state;
	uint64_t header = test_guest_alloc(&f->guest, sizeof(struct header), 8);
	const struct test_buffer no_status[] = { { header, sizeof(struct header), false } };
	const struct test_buffer outside[] = {
		{ header, sizeof(struct header), false }, { TEST_RAM_BASE - 512, 512, true },
		{ header, 1, true },
	};
	uint32_t id;
	uint32_t len;

	test_queue_add(&f->queue, no_status, 1);
	test_queue_add(&f->queue, outside, 3);
	test_queue_notify(&f->queue);
	for (unsigned i = 0; i < 2; i++) {
		assert_true(test_queue_take_used(&f->queue, &id, &len));
		assert_int_equal(len, 0);
	}
	assert_int_equal(test_reg_read(f->blk, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET, 0);
}

static void every_available_request_is_served_per_notification(void **state)
{
	struct fixture *f = *state;
	struct request r[5];
	uint32_t id;
	uint32_t len;

	for (unsigned i = 0; i < 5; i++)
		r[i] = post(f, T_OUT, i, 512, false);
	test_queue_notify(&f->queue);
	for (unsigned i = 0; i < 5; i++) {
		assert_true(test_queue_take_used(&f->queue, &id, &len));
		assert_int_equal(id, r[i].head);
		assert_int_equal(status_of(f, &r[i]), S_OK);
	}
	assert_int_equal(f->guest.irqs.count, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(capacity_and_seg_max_are_in_the_config_space, set_up, tear_down),
		cmocka_unit_test_setup_teardown(write_then_read_then_flush, set_up, tear_down),
		cmocka_unit_test_setup_teardown(data_split_over_several_buffers, set_up, tear_down),
		cmocka_unit_test_setup_teardown(an_image_that_ends_early_fails_the_read, set_up, tear_down),
		cmocka_unit_test_setup_teardown(sectors_out_of_range_fail, set_up, tear_down),
		cmocka_unit_test_setup_teardown(get_id_and_unsupported_requests, set_up, tear_down),
		cmocka_unit_test_setup_teardown(malformed_requests_fail, set_up, tear_down),
		cmocka_unit_test_setup_teardown(chains_without_a_status_byte_come_back_unused, set_up, tear_down),
		cmocka_unit_test_setup_teardown(every_available_request_is_served_per_notification, set_up, tear_down),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
