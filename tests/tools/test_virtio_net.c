/* virtio-net framing, with a SOCK_SEQPACKET socket pair standing in for the
 * TAP (both carry whole frames behind a 12-byte virtio-net header): the
 * guest's header goes to the TAP on transmit, on receive the guest reads
 * the TAP's only if it negotiated the checksum offload, and the TAP is read
 * only while the guest has posted buffers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <linux/if_tun.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "virtio_net.h"
#include "virtio_test_driver.h"

#define QUEUE_SIZE 16
#define HEADER VIRTIO_NET_HEADER_BYTES

struct fixture {
	struct test_guest guest;
	struct virtio_mmio_device *net;
	struct test_queue queues[2];    /* receive, transmit */
	int wire;                       /* the TAP's other end */
};

static int set_up(void **state)
{
	static struct fixture f;
	const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	int pair[2];

	test_guest_init(&f.guest);
	assert_int_equal(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK, 0, pair), 0);
	f.wire = pair[1];
	struct virtio_device_setup setup = test_guest_setup(&f.guest);
	f.net = virtio_net_create(&setup, pair[0], mac);
	assert_non_null(f.net);
	test_device_start(&f.guest, f.net, VIRTIO_F_VERSION_1 | VIRTIO_NET_F_MAC, f.queues, 2,
			  QUEUE_SIZE);
	*state = &f;
	return 0;
}

static int tear_down(void **state)
{
	struct fixture *f = *state;

	f->net->ops->destroy(f->net);
	close(f->wire);
	test_guest_release(&f->guest);
	return 0;
}

static void fill(uint8_t *data, size_t len, uint8_t seed)
{
	for (size_t i = 0; i < len; i++)
		data[i] = (uint8_t)(seed + i);
}

/* A frame from zone0's side, behind a TAP header a guest without the
 * checksum offload must not see: DATA_VALID (2) and a TCPv4 segment (1).
 * The TAP leaves the last two bytes alone; they hold junk here. */
static void wire_send(struct fixture *f, const uint8_t *frame, size_t len)
{
	uint8_t packet[HEADER + 2048] = { 2, 1, [10] = 0xee, [11] = 0xff };

	assert_true(len <= sizeof(packet) - HEADER);
	memcpy(packet + HEADER, frame, len);
	assert_int_equal(send(f->wire, packet, HEADER + len, 0), (ssize_t)(HEADER + len));
}

/* The header carries the guest's checksum and TSO requests to zone0's
 * kernel, which checks and carries them out. */
static void transmit_gives_the_tap_the_guests_header(void **state)
{
	struct fixture *f = *state;
	uint64_t header = test_guest_alloc(&f->guest, HEADER, 8);
	uint64_t frame = test_guest_alloc(&f->guest, 60, 8);
	uint8_t received[128];
	uint32_t id;
	uint32_t len;

	fill(test_guest_ptr(&f->guest, header), HEADER, 200);
	fill(test_guest_ptr(&f->guest, frame), 60, 1);
	const struct test_buffer chain[] = { { header, HEADER, false }, { frame, 60, false } };
	test_queue_add(&f->queues[VIRTIO_NET_TX], chain, 2);
	test_queue_notify(&f->queues[VIRTIO_NET_TX]);
	assert_int_equal(recv(f->wire, received, sizeof(received), 0), HEADER + 60);
	assert_memory_equal(received, test_guest_ptr(&f->guest, header), HEADER);
	assert_memory_equal(received + HEADER, test_guest_ptr(&f->guest, frame), 60);
	assert_true(test_queue_take_used(&f->queues[VIRTIO_NET_TX], &id, &len));
	assert_int_equal(len, 0);
	assert_int_equal(f->guest.irqs.count, 1);

	/* Header and frame in one buffer, as with VERSION_1 drivers may do. */
	uint64_t whole = test_guest_alloc(&f->guest, HEADER + 42, 8);
	fill(test_guest_ptr(&f->guest, whole), HEADER + 42, 9);
	const struct test_buffer one[] = { { whole, HEADER + 42, false } };
	test_queue_add(&f->queues[VIRTIO_NET_TX], one, 1);
	test_queue_notify(&f->queues[VIRTIO_NET_TX]);
	assert_int_equal(recv(f->wire, received, sizeof(received), 0), HEADER + 42);
	assert_memory_equal(received, test_guest_ptr(&f->guest, whole), HEADER + 42);
}

/* A TSO frame: a 64 KiB IP packet behind its Ethernet header. */
static void transmit_takes_a_64k_frame(void **state)
{
	struct fixture *f = *state;
	const uint32_t size = HEADER + 14 + 65535;
	uint64_t whole = test_guest_alloc(&f->guest, size, 8);
	static uint8_t received[HEADER + 14 + 65535 + 1];
	uint32_t id;
	uint32_t len;

	fill(test_guest_ptr(&f->guest, whole), size, 5);
	const struct test_buffer one[] = { { whole, size, false } };
	test_queue_add(&f->queues[VIRTIO_NET_TX], one, 1);
	test_queue_notify(&f->queues[VIRTIO_NET_TX]);
	assert_int_equal(recv(f->wire, received, sizeof(received), 0), size);
	assert_memory_equal(received, test_guest_ptr(&f->guest, whole), size);
	assert_true(test_queue_take_used(&f->queues[VIRTIO_NET_TX], &id, &len));
}

static void malformed_transmit_chains_are_dropped(void **state)
{
	struct fixture *f = *state;
	uint64_t buffer = test_guest_alloc(&f->guest, 64, 8);
	uint8_t received[128];
	uint32_t id;
	uint32_t len;
	const struct test_buffer with_writable[] = { { buffer, HEADER, false }, { buffer, 64, true } };
	const struct test_buffer too_short[] = { { buffer, HEADER - 1, false } };

	test_queue_add(&f->queues[VIRTIO_NET_TX], with_writable, 2);
	test_queue_add(&f->queues[VIRTIO_NET_TX], too_short, 1);
	test_queue_notify(&f->queues[VIRTIO_NET_TX]);
	for (unsigned i = 0; i < 2; i++) {
		assert_true(test_queue_take_used(&f->queues[VIRTIO_NET_TX], &id, &len));
		assert_int_equal(len, 0);
	}
	assert_int_equal(recv(f->wire, received, sizeof(received), 0), -1);
	assert_int_equal(errno, EAGAIN);
}

static uint16_t post_receive(struct fixture *f, uint32_t size, uint64_t *address)
{
	*address = test_guest_alloc(&f->guest, size, 8);
	const struct test_buffer chain[] = { { *address, size, true } };
	return test_queue_add(&f->queues[VIRTIO_NET_RX], chain, 1);
}

static void receive_gives_the_guest_a_plain_header_with_one_buffer(void **state)
{
	struct fixture *f = *state;
	uint8_t frame[98];
	uint64_t buffer;
	uint32_t id;
	uint32_t len;
	static const uint8_t header[HEADER] = { [10] = 1 };

	fill(frame, sizeof(frame), 3);
	wire_send(f, frame, sizeof(frame));
	/* No buffers yet: the TAP is not to be read. */
	assert_false(virtio_mmio_wants_input(f->net));
	uint16_t head = post_receive(f, 1526, &buffer);
	test_queue_notify(&f->queues[VIRTIO_NET_RX]);
	assert_true(virtio_mmio_wants_input(f->net));
	f->net->ops->input(f->net);
	assert_true(test_queue_take_used(&f->queues[VIRTIO_NET_RX], &id, &len));
	assert_int_equal(id, head);
	assert_int_equal(len, HEADER + sizeof(frame));
	assert_memory_equal(test_guest_ptr(&f->guest, buffer), header, HEADER);
	assert_memory_equal((uint8_t *)test_guest_ptr(&f->guest, buffer) + HEADER, frame, sizeof(frame));
	assert_int_equal(f->guest.irqs.count, 1);
	assert_false(virtio_mmio_wants_input(f->net));
}

/* A guest that negotiated the receive offloads reads the TAP's header:
 * here DATA_VALID and a TCPv4 segment, with num_buffers set to 1. */
static void receive_gives_an_offloading_guest_the_taps_header(void **state)
{
	struct fixture *f = *state;
	uint8_t frame[60];
	uint64_t buffer;
	uint32_t id;
	uint32_t len;
	static const uint8_t header[HEADER] = { 2, 1, [10] = 1 };

	test_device_start(&f->guest, f->net,
			  VIRTIO_F_VERSION_1 | VIRTIO_NET_F_MAC | VIRTIO_NET_F_GUEST_CSUM |
				  VIRTIO_NET_F_GUEST_TSO4,
			  f->queues, 2, QUEUE_SIZE);
	fill(frame, sizeof(frame), 7);
	post_receive(f, 1526, &buffer);
	wire_send(f, frame, sizeof(frame));
	f->net->ops->input(f->net);
	assert_true(test_queue_take_used(&f->queues[VIRTIO_NET_RX], &id, &len));
	assert_int_equal(len, HEADER + sizeof(frame));
	assert_memory_equal(test_guest_ptr(&f->guest, buffer), header, HEADER);
	assert_memory_equal((uint8_t *)test_guest_ptr(&f->guest, buffer) + HEADER, frame, sizeof(frame));
}

static void the_tap_offloads_only_what_the_guest_takes(void **state)
{
	(void)state;
	assert_int_equal(virtio_net_tap_offloads(0), 0);
	assert_int_equal(virtio_net_tap_offloads(VIRTIO_NET_F_GUEST_TSO4 | VIRTIO_NET_F_GUEST_TSO6),
			 0);
	assert_int_equal(virtio_net_tap_offloads(VIRTIO_NET_F_GUEST_CSUM), TUN_F_CSUM);
	assert_int_equal(virtio_net_tap_offloads(VIRTIO_NET_F_GUEST_CSUM | VIRTIO_NET_F_GUEST_TSO4 |
						 VIRTIO_NET_F_GUEST_TSO6 | VIRTIO_NET_F_HOST_TSO4),
			 TUN_F_CSUM | TUN_F_TSO4 | TUN_F_TSO6);
}

static void oversized_frame_is_dropped_and_the_buffer_kept(void **state)
{
	struct fixture *f = *state;
	uint8_t big[200];
	uint8_t small[50];
	uint64_t buffer;
	uint32_t id;
	uint32_t len;

	fill(big, sizeof(big), 0);
	fill(small, sizeof(small), 100);
	uint16_t head = post_receive(f, 100, &buffer);
	wire_send(f, big, sizeof(big));
	f->net->ops->input(f->net);
	assert_false(test_queue_take_used(&f->queues[VIRTIO_NET_RX], &id, &len));
	wire_send(f, small, sizeof(small));
	f->net->ops->input(f->net);
	assert_true(test_queue_take_used(&f->queues[VIRTIO_NET_RX], &id, &len));
	assert_int_equal(id, head);
	assert_int_equal(len, HEADER + sizeof(small));
	assert_memory_equal((uint8_t *)test_guest_ptr(&f->guest, buffer) + HEADER, small, sizeof(small));
}

static void receive_spans_buffers_and_batches(void **state)
{
	struct fixture *f = *state;
	uint8_t frame[64];
	uint32_t id;
	uint32_t len;

	uint64_t header = test_guest_alloc(&f->guest, HEADER, 8);
	uint64_t data = test_guest_alloc(&f->guest, 1514, 8);
	const struct test_buffer split[] = { { header, HEADER, true }, { data, 1514, true } };
	test_queue_add(&f->queues[VIRTIO_NET_RX], split, 2);
	uint64_t unused;
	post_receive(f, 1526, &unused);
	post_receive(f, 1526, &unused);
	for (uint8_t i = 0; i < 3; i++) {
		fill(frame, sizeof(frame), i);
		wire_send(f, frame, sizeof(frame));
	}
	f->net->ops->input(f->net);
	for (unsigned i = 0; i < 3; i++) {
		assert_true(test_queue_take_used(&f->queues[VIRTIO_NET_RX], &id, &len));
		assert_int_equal(len, HEADER + sizeof(frame));
	}
	fill(frame, sizeof(frame), 0);
	assert_memory_equal(test_guest_ptr(&f->guest, data), frame, sizeof(frame));
	assert_int_equal(f->guest.irqs.count, 1);
}

static void receive_chain_with_readable_buffers_comes_back_unused(void **state)
{
	struct fixture *f = *state;
	uint64_t buffer = test_guest_alloc(&f->guest, 1526, 8);
	const struct test_buffer readable[] = { { buffer, 1526, false } };
	uint8_t frame[60] = { 0 };
	uint32_t id;
	uint32_t len;

	test_queue_add(&f->queues[VIRTIO_NET_RX], readable, 1);
	wire_send(f, frame, sizeof(frame));
	f->net->ops->input(f->net);
	assert_true(test_queue_take_used(&f->queues[VIRTIO_NET_RX], &id, &len));
	assert_int_equal(len, 0);
	/* The frame waits for a usable buffer. */
	assert_int_equal(recv(f->wire, frame, sizeof(frame), MSG_PEEK), -1);
}

/* Found while deciding whether to read the TAP, not while serving a chain. */
static void runaway_receive_index_needs_a_reset(void **state)
{
	struct fixture *f = *state;

	f->queues[VIRTIO_NET_RX].avail->idx = QUEUE_SIZE + 1;
	assert_false(virtio_mmio_wants_input(f->net));
	assert_true(test_reg_read(f->net, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET);
	assert_int_equal(f->guest.irqs.count, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(transmit_gives_the_tap_the_guests_header, set_up, tear_down),
		cmocka_unit_test_setup_teardown(transmit_takes_a_64k_frame, set_up, tear_down),
		cmocka_unit_test_setup_teardown(malformed_transmit_chains_are_dropped, set_up, tear_down),
		cmocka_unit_test_setup_teardown(receive_gives_the_guest_a_plain_header_with_one_buffer, set_up, tear_down),
		cmocka_unit_test_setup_teardown(receive_gives_an_offloading_guest_the_taps_header, set_up, tear_down),
		cmocka_unit_test(the_tap_offloads_only_what_the_guest_takes),
		cmocka_unit_test_setup_teardown(oversized_frame_is_dropped_and_the_buffer_kept, set_up, tear_down),
		cmocka_unit_test_setup_teardown(receive_spans_buffers_and_batches, set_up, tear_down),
		cmocka_unit_test_setup_teardown(receive_chain_with_readable_buffers_comes_back_unused, set_up, tear_down),
		cmocka_unit_test_setup_teardown(runaway_receive_index_needs_a_reset, set_up, tear_down),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
