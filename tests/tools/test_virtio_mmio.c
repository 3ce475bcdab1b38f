/* The virtio-mmio register model every device shares: identification,
 * feature negotiation, queue set-up, reset, interrupts, config space, and
 * how a driver that breaks the queue protocol is stopped. A fake device
 * type that hands back every chain stands in for blk, net and console,
 * which are checked for their identity only. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "virtio_blk.h"
#include "virtio_console.h"
#include "virtio_net.h"
#include "virtio_test_driver.h"

#define QUEUE_SIZE 16
#define FAKE_FEATURES (VIRTIO_F_VERSION_1 | (1ull << 9))

struct fake_device {
	struct virtio_mmio_device dev;
	unsigned notified;
	unsigned handled;
	/* A guest that makes each chain available again as soon as it is
	 * served, with plain stores, as a hostile one can. */
	struct test_queue *refilling;
};

static uint32_t use_whole_chain(struct virtio_mmio_device *dev, const struct desc_chain *chain)
{
	struct fake_device *fake = (struct fake_device *)dev;

	fake->handled++;
	if (fake->refilling)
		test_queue_make_available(fake->refilling, chain->head);
	return (uint32_t)chain->writable_bytes;
}

static void fake_notify(struct virtio_mmio_device *dev, unsigned queue)
{
	((struct fake_device *)dev)->notified++;
	virtio_mmio_serve_queue(dev, queue, use_whole_chain);
}

static const struct virtio_device_ops fake_ops = {
	.name = "fake",
	.device_id = VIRTIO_ID_BLOCK,
	.features = FAKE_FEATURES,
	.num_queues = 2,
	.notify = fake_notify,
};

struct fixture {
	struct test_guest guest;
	struct fake_device fake;
	struct test_queue queues[2];
};

static int set_up(void **state)
{
	static struct fixture f;
	struct virtio_device_setup setup;

	test_guest_init(&f.guest);
	setup = test_guest_setup(&f.guest);
	virtio_mmio_device_init(&f.fake.dev, &fake_ops, &setup);
	f.fake.notified = 0;
	f.fake.handled = 0;
	f.fake.refilling = NULL;
	memcpy(f.fake.dev.config, "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a", 10);
	f.fake.dev.config_size = 10;
	*state = &f;
	return 0;
}

static int tear_down(void **state)
{
	struct fixture *f = *state;

	test_guest_release(&f->guest);
	return 0;
}

static void start(struct fixture *f)
{
	test_device_start(&f->guest, &f->fake.dev, VIRTIO_F_VERSION_1, f->queues, 2, QUEUE_SIZE);
}

static void expect_identity(struct virtio_mmio_device *dev, uint32_t id, uint64_t features,
			    unsigned num_queues)
{
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_MAGIC_VALUE), 0x74726976);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_VERSION_REG), 2);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_VENDOR_ID), 0x48564953);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_DEVICE_ID), id);
	for (uint32_t half = 0; half < 3; half++) {
		test_reg_write(dev, VIRTIO_MMIO_DEVICE_FEATURES_SEL, half);
		assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_DEVICE_FEATURES),
				 half < 2 ? (uint32_t)(features >> (32 * half)) : 0);
	}
	for (uint32_t queue = 0; queue < 3; queue++) {
		test_reg_write(dev, VIRTIO_MMIO_QUEUE_SEL, queue);
		assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_QUEUE_NUM_MAX),
				 queue < num_queues ? VIRTQUEUE_MAX_SIZE : 0);
		assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_QUEUE_READY), 0);
	}
}

static void devices_identify_themselves(void **state)
{
	struct fixture *f = *state;
	struct virtio_device_setup setup = test_guest_setup(&f->guest);
	char image[] = "/tmp/tessera-mmio-XXXXXX";
	int net_pair[2];
	int console_pair[2];
	const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

	int image_fd = mkstemp(image);
	assert_true(image_fd >= 0);
	unlink(image);
	assert_int_equal(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK, 0, net_pair), 0);
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, console_pair), 0);
	struct console_pty pty = { .master_fd = console_pair[0], .slave_fd = -1 };
	struct virtio_mmio_device *blk = virtio_blk_create(&setup, image_fd, 8 * 512);
	struct virtio_mmio_device *net = virtio_net_create(&setup, net_pair[0], mac);
	struct virtio_mmio_device *console = virtio_console_create(&setup, &pty);

	expect_identity(blk, 2, VIRTIO_F_VERSION_1 | VIRTIO_BLK_F_SEG_MAX | VIRTIO_BLK_F_FLUSH, 1);
	expect_identity(net, 1,
			VIRTIO_F_VERSION_1 | VIRTIO_NET_F_MAC | VIRTIO_NET_F_CSUM |
				VIRTIO_NET_F_HOST_TSO4 | VIRTIO_NET_F_HOST_TSO6 |
				VIRTIO_NET_F_GUEST_CSUM | VIRTIO_NET_F_GUEST_TSO4 |
				VIRTIO_NET_F_GUEST_TSO6,
			2);
	expect_identity(console, 3, VIRTIO_F_VERSION_1, 2);
	assert_int_equal(virtio_mmio_read(blk, VIRTIO_MMIO_CONFIG, 8), 8);
	assert_int_equal(virtio_mmio_read(net, VIRTIO_MMIO_CONFIG, 4), 0x12005452);
	assert_int_equal(virtio_mmio_read(net, VIRTIO_MMIO_CONFIG + 4, 2), 0x5634);
	assert_int_equal(virtio_mmio_read(console, VIRTIO_MMIO_CONFIG, 8), 0);
	blk->ops->destroy(blk);
	net->ops->destroy(net);
	console->ops->destroy(console);
	close(net_pair[1]);
	close(console_pair[1]);
}

static void features_ok_needs_version_1_and_only_offered_features(void **state)
{
	struct fixture *f = *state;
	struct virtio_mmio_device *dev = &f->fake.dev;
	const uint64_t refused[] = { 1ull << 9, VIRTIO_F_VERSION_1 | (1ull << 20) };
	const uint32_t status = VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER;

	for (unsigned i = 0; i < 2; i++) {
		test_reg_write(dev, VIRTIO_MMIO_STATUS, 0);
		test_reg_write(dev, VIRTIO_MMIO_STATUS, status);
		for (uint32_t half = 0; half < 2; half++) {
			test_reg_write(dev, VIRTIO_MMIO_DRIVER_FEATURES_SEL, half);
			test_reg_write(dev, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)(refused[i] >> (32 * half)));
		}
		test_reg_write(dev, VIRTIO_MMIO_STATUS, status | VIRTIO_STATUS_FEATURES_OK);
		assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_STATUS), status);
	}
	start(f);
	assert_int_equal(dev->driver_features, VIRTIO_F_VERSION_1);
}

static void queue_setup_takes_size_and_addresses(void **state)
{
	struct fixture *f = *state;
	struct virtio_mmio_device *dev = &f->fake.dev;
	const struct virtqueue *vq = &dev->queues[1];

	start(f);
	assert_true(vq->ready);
	assert_int_equal(vq->num, QUEUE_SIZE);
	assert_int_equal(vq->desc_address, f->queues[1].desc_address);
	assert_int_equal(vq->driver_address, f->queues[1].avail_address);
	assert_int_equal(vq->device_address, f->queues[1].used_address);
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_SEL, 1);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_QUEUE_READY), 1);
	/* A ready queue keeps its layout... */
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_NUM, 4);
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_DESC_LOW, 0);
	assert_int_equal(vq->num, QUEUE_SIZE);
	assert_int_equal(vq->desc_address, f->queues[1].desc_address);
	/* ...until the driver takes it down. */
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_READY, 0);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_QUEUE_READY), 0);
	assert_false(vq->ready);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET, 0);
}

static void expect_unusable(struct fixture *f, uint32_t num, uint64_t desc_address)
{
	struct virtio_mmio_device *dev = &f->fake.dev;

	start(f);
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_SEL, 0);
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_READY, 0);
	f->queues[0].num = num;
	f->queues[0].desc_address = desc_address;
	unsigned irqs = f->guest.irqs.count;
	test_queue_program(dev, 0, &f->queues[0]);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_QUEUE_READY), 0);
	assert_true(test_reg_read(dev, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_INTERRUPT_STATUS), VIRTIO_MMIO_INT_CONFIG);
	assert_int_equal(f->guest.irqs.count, irqs + 1);
}

static void unusable_queues_need_a_reset(void **state)
{
	struct fixture *f = *state;

	expect_unusable(f, 3, TEST_RAM_BASE);
	expect_unusable(f, 512, TEST_RAM_BASE);
	expect_unusable(f, QUEUE_SIZE, TEST_RAM_BASE + 8);
	expect_unusable(f, QUEUE_SIZE, TEST_RAM_BASE + TEST_RAM_SIZE - 16);
	expect_unusable(f, QUEUE_SIZE, 0x1000);
}

static void completions_interrupt_unless_the_driver_says_not_to(void **state)
{
	struct fixture *f = *state;
	struct virtio_mmio_device *dev = &f->fake.dev;
	uint64_t buffer = test_guest_alloc(&f->guest, 64, 8);
	const struct test_buffer chain[] = { { buffer, 64, true } };
	uint32_t id;
	uint32_t len;

	start(f);
	test_queue_add(&f->queues[1], chain, 1);
	test_queue_add(&f->queues[1], chain, 1);
	test_queue_notify(&f->queues[1]);
	assert_int_equal(f->fake.notified, 1);
	assert_true(test_queue_take_used(&f->queues[1], &id, &len));
	assert_int_equal(len, 64);
	assert_true(test_queue_take_used(&f->queues[1], &id, &len));
	assert_false(test_queue_take_used(&f->queues[1], &id, &len));
	/* One interrupt for the batch. */
	assert_int_equal(f->guest.irqs.count, 1);
	assert_int_equal(f->guest.irqs.last_zone, TEST_ZONE_ID);
	assert_int_equal(f->guest.irqs.last_irq, TEST_IRQ);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_INTERRUPT_STATUS), VIRTIO_MMIO_INT_VRING);
	test_reg_write(dev, VIRTIO_MMIO_INTERRUPT_ACK, VIRTIO_MMIO_INT_VRING);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_INTERRUPT_STATUS), 0);

	f->queues[1].avail->flags = VIRTQ_AVAIL_F_NO_INTERRUPT;
	test_queue_add(&f->queues[1], chain, 1);
	test_queue_notify(&f->queues[1]);
	assert_true(test_queue_take_used(&f->queues[1], &id, &len));
	assert_int_equal(f->guest.irqs.count, 1);
}

/* InterruptACK is posted: the daemon may complete more buffers between the
 * driver's status read and its acknowledge, and that interrupt's cause must
 * survive the acknowledge. */
static void an_interrupt_raised_after_the_status_read_survives_the_ack(void **state)
{
	struct fixture *f = *state;
	struct virtio_mmio_device *dev = &f->fake.dev;
	uint64_t buffer = test_guest_alloc(&f->guest, 64, 8);
	const struct test_buffer chain[] = { { buffer, 64, true } };

	start(f);
	test_queue_add(&f->queues[1], chain, 1);
	test_queue_notify(&f->queues[1]);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_INTERRUPT_STATUS), VIRTIO_MMIO_INT_VRING);
	test_queue_add(&f->queues[1], chain, 1);
	test_queue_notify(&f->queues[1]);
	assert_int_equal(f->guest.irqs.count, 2);
	test_reg_write(dev, VIRTIO_MMIO_INTERRUPT_ACK, VIRTIO_MMIO_INT_VRING);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_INTERRUPT_STATUS), VIRTIO_MMIO_INT_VRING);
	test_reg_write(dev, VIRTIO_MMIO_INTERRUPT_ACK, VIRTIO_MMIO_INT_VRING);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_INTERRUPT_STATUS), 0);
}

static void bad_chain_comes_back_empty_and_the_queue_goes_on(void **state)
{
	struct fixture *f = *state;
	uint64_t buffer = test_guest_alloc(&f->guest, 64, 8);
	const struct test_buffer good[] = { { buffer, 64, true } };
	const struct test_buffer outside[] = { { TEST_RAM_BASE + TEST_RAM_SIZE, 64, true } };
	uint32_t id;
	uint32_t len;

	start(f);
	uint16_t bad_head = test_queue_add(&f->queues[0], outside, 1);
	uint16_t good_head = test_queue_add(&f->queues[0], good, 1);
	test_queue_notify(&f->queues[0]);
	assert_true(test_queue_take_used(&f->queues[0], &id, &len));
	assert_int_equal(id, bad_head);
	assert_int_equal(len, 0);
	assert_true(test_queue_take_used(&f->queues[0], &id, &len));
	assert_int_equal(id, good_head);
	assert_int_equal(len, 64);
	assert_int_equal(test_reg_read(&f->fake.dev, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET, 0);
}

static void expect_broken_queue(struct fixture *f)
{
	struct virtio_mmio_device *dev = &f->fake.dev;
	uint32_t id;
	uint32_t len;

	test_queue_notify(&f->queues[0]);
	assert_false(test_queue_take_used(&f->queues[0], &id, &len));
	assert_true(test_reg_read(dev, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_INTERRUPT_STATUS), VIRTIO_MMIO_INT_CONFIG);
	assert_int_equal(f->guest.irqs.count, 1);
	/* Stopped: further notifications serve nothing and raise nothing. */
	test_queue_notify(&f->queues[0]);
	assert_false(test_queue_take_used(&f->queues[0], &id, &len));
	assert_int_equal(f->guest.irqs.count, 1);
}

static void runaway_available_index_stops_the_queue(void **state)
{
	struct fixture *f = *state;

	start(f);
	f->queues[0].avail->idx = QUEUE_SIZE + 1;
	expect_broken_queue(f);
}

static void head_out_of_range_stops_the_queue(void **state)
{
	struct fixture *f = *state;

	start(f);
	test_queue_make_available(&f->queues[0], QUEUE_SIZE);
	expect_broken_queue(f);
}

/* One chain, made available again each time it is served; notified once. */
static void start_refilling(struct fixture *f)
{
	uint64_t buffer = test_guest_alloc(&f->guest, 64, 8);
	const struct test_buffer chain[] = { { buffer, 64, true } };

	start(f);
	f->fake.refilling = &f->queues[0];
	test_queue_add(&f->queues[0], chain, 1);
	test_queue_notify(&f->queues[0]);
}

static void a_ring_refilled_forever_is_served_a_queue_at_a_time(void **state)
{
	struct fixture *f = *state;
	struct virtio_mmio_device *dev = &f->fake.dev;

	start_refilling(f);
	assert_int_equal(f->fake.handled, QUEUE_SIZE);
	assert_int_equal(dev->backlog, 1);

	virtio_mmio_serve_backlog(dev);
	assert_int_equal(f->fake.handled, 2 * QUEUE_SIZE);
	assert_int_equal(dev->backlog, 1);

	f->fake.refilling = NULL;
	virtio_mmio_serve_backlog(dev);
	assert_int_equal(f->fake.handled, 2 * QUEUE_SIZE + 1);
	assert_int_equal(dev->backlog, 0);
}

static void a_reset_drops_the_backlog(void **state)
{
	struct fixture *f = *state;
	struct virtio_mmio_device *dev = &f->fake.dev;

	start_refilling(f);
	assert_int_equal(dev->backlog, 1);
	test_reg_write(dev, VIRTIO_MMIO_STATUS, 0);
	assert_int_equal(dev->backlog, 0);
	virtio_mmio_serve_backlog(dev);
	assert_int_equal(f->fake.handled, QUEUE_SIZE);
}

static void reset_forgets_everything(void **state)
{
	struct fixture *f = *state;
	struct virtio_mmio_device *dev = &f->fake.dev;
	uint64_t buffer = test_guest_alloc(&f->guest, 64, 8);
	const struct test_buffer chain[] = { { buffer, 64, true } };
	uint32_t id;
	uint32_t len;

	start(f);
	test_queue_add(&f->queues[0], chain, 1);
	test_queue_notify(&f->queues[0]);
	test_reg_write(dev, VIRTIO_MMIO_STATUS, 0);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_STATUS), 0);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_INTERRUPT_STATUS), 0);
	assert_int_equal(dev->driver_features, 0);
	for (uint32_t queue = 0; queue < 2; queue++) {
		test_reg_write(dev, VIRTIO_MMIO_QUEUE_SEL, queue);
		assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_QUEUE_READY), 0);
		assert_null(dev->queues[queue].used);
	}
	/* The guest's memory is not touched again until it sets the queue up. */
	unsigned notified = f->fake.notified;
	test_queue_add(&f->queues[0], chain, 1);
	test_queue_notify(&f->queues[0]);
	assert_int_equal(f->fake.notified, notified);
	assert_true(test_queue_take_used(&f->queues[0], &id, &len));
	assert_false(test_queue_take_used(&f->queues[0], &id, &len));
}

static void config_space_reads_at_any_width(void **state)
{
	struct fixture *f = *state;
	struct virtio_mmio_device *dev = &f->fake.dev;

	assert_int_equal(virtio_mmio_read(dev, VIRTIO_MMIO_CONFIG, 1), 0x01);
	assert_int_equal(virtio_mmio_read(dev, VIRTIO_MMIO_CONFIG + 1, 2), 0x0302);
	assert_int_equal(virtio_mmio_read(dev, VIRTIO_MMIO_CONFIG + 4, 4), 0x08070605);
	assert_int_equal(virtio_mmio_read(dev, VIRTIO_MMIO_CONFIG + 2, 8), 0x0a09080706050403);
	assert_int_equal(virtio_mmio_read(dev, VIRTIO_MMIO_CONFIG + 8, 4), 0);
	assert_int_equal(virtio_mmio_read(dev, VIRTIO_MMIO_CONFIG + 0x80, 4), 0);
	assert_int_equal(virtio_mmio_read(dev, VIRTIO_MMIO_CONFIG_GENERATION, 4), 0);
	/* Registers are 32-bit only. */
	assert_int_equal(virtio_mmio_read(dev, VIRTIO_MMIO_MAGIC_VALUE, 2), 0);
	virtio_mmio_write(dev, VIRTIO_MMIO_STATUS, 1, VIRTIO_STATUS_ACKNOWLEDGE);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_STATUS), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(devices_identify_themselves, set_up, tear_down),
		cmocka_unit_test_setup_teardown(features_ok_needs_version_1_and_only_offered_features, set_up, tear_down),
		cmocka_unit_test_setup_teardown(queue_setup_takes_size_and_addresses, set_up, tear_down),
		cmocka_unit_test_setup_teardown(unusable_queues_need_a_reset, set_up, tear_down),
		cmocka_unit_test_setup_teardown(completions_interrupt_unless_the_driver_says_not_to, set_up, tear_down),
		cmocka_unit_test_setup_teardown(an_interrupt_raised_after_the_status_read_survives_the_ack, set_up, tear_down),
		cmocka_unit_test_setup_teardown(bad_chain_comes_back_empty_and_the_queue_goes_on, set_up, tear_down),
		cmocka_unit_test_setup_teardown(runaway_available_index_stops_the_queue, set_up, tear_down),
		cmocka_unit_test_setup_teardown(head_out_of_range_stops_the_queue, set_up, tear_down),
		cmocka_unit_test_setup_teardown(a_ring_refilled_forever_is_served_a_queue_at_a_time, set_up, tear_down),
		cmocka_unit_test_setup_teardown(a_reset_drops_the_backlog, set_up, tear_down),
		cmocka_unit_test_setup_teardown(reset_forgets_everything, set_up, tear_down),
		cmocka_unit_test_setup_teardown(config_space_reads_at_any_width, set_up, tear_down),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
