/* The virtio console with a stream socket pair in place of the PTY master:
 * output reaches the other end, keystrokes reach the guest's buffers, and
 * output nobody reads is dropped instead of stalling the daemon. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "virtio_console.h"
#include "virtio_test_driver.h"

#define QUEUE_SIZE 16

struct fixture {
	struct test_guest guest;
	struct virtio_mmio_device *console;
	struct test_queue queues[2];    /* receive, transmit */
	int terminal;                   /* where a client would sit */
};

static int set_up(void **state)
{
	static struct fixture f;
	int pair[2];

	test_guest_init(&f.guest);
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair), 0);
	f.terminal = pair[1];
	struct console_pty pty = { .master_fd = pair[0], .slave_fd = -1 };
	struct virtio_device_setup setup = test_guest_setup(&f.guest);
	f.console = virtio_console_create(&setup, &pty);
	assert_non_null(f.console);
	test_device_start(&f.guest, f.console, VIRTIO_F_VERSION_1, f.queues, 2, QUEUE_SIZE);
	*state = &f;
	return 0;
}

static int tear_down(void **state)
{
	struct fixture *f = *state;

	f->console->ops->destroy(f->console);
	close(f->terminal);
	test_guest_release(&f->guest);
	return 0;
}

static void output_reaches_the_terminal(void **state)
{
	struct fixture *f = *state;
	uint64_t first = test_guest_alloc(&f->guest, 5, 1);
	uint64_t second = test_guest_alloc(&f->guest, 2, 1);
	char received[16];
	uint32_t id;
	uint32_t len;

	memcpy(test_guest_ptr(&f->guest, first), "hello", 5);
	memcpy(test_guest_ptr(&f->guest, second), "\r\n", 2);
	const struct test_buffer chain[] = { { first, 5, false }, { second, 2, false } };
	test_queue_add(&f->queues[VIRTIO_CONSOLE_TX], chain, 2);
	test_queue_notify(&f->queues[VIRTIO_CONSOLE_TX]);
	assert_int_equal(read(f->terminal, received, sizeof(received)), 7);
	assert_memory_equal(received, "hello\r\n", 7);
	assert_true(test_queue_take_used(&f->queues[VIRTIO_CONSOLE_TX], &id, &len));
	assert_int_equal(len, 0);
}

static void keys_fill_the_buffers_the_guest_posted(void **state)
{
	struct fixture *f = *state;
	uint64_t buffers[3];
	uint32_t id;
	uint32_t len;

	assert_int_equal(write(f->terminal, "echo hi\r", 8), 8);
	assert_false(virtio_mmio_wants_input(f->console));
	for (unsigned i = 0; i < 3; i++) {
		buffers[i] = test_guest_alloc(&f->guest, 3, 1);
		const struct test_buffer chain[] = { { buffers[i], 3, true } };
		test_queue_add(&f->queues[VIRTIO_CONSOLE_RX], chain, 1);
	}
	assert_true(virtio_mmio_wants_input(f->console));
	f->console->ops->input(f->console);
	const uint32_t expected[] = { 3, 3, 2 };
	for (unsigned i = 0; i < 3; i++) {
		assert_true(test_queue_take_used(&f->queues[VIRTIO_CONSOLE_RX], &id, &len));
		assert_int_equal(len, expected[i]);
	}
	assert_memory_equal(test_guest_ptr(&f->guest, buffers[0]), "ech", 3);
	assert_memory_equal(test_guest_ptr(&f->guest, buffers[1]), "o h", 3);
	assert_memory_equal(test_guest_ptr(&f->guest, buffers[2]), "i\r", 2);
	assert_int_equal(f->guest.irqs.count, 1);
}

/* More output than the socket holds: the rest is dropped, the chain comes
 * back, and the call returns instead of waiting for a reader. */
static void unread_output_is_dropped_not_waited_for(void **state)
{
	struct fixture *f = *state;
	const uint32_t size = 768 * 1024;
	uint64_t flood = test_guest_alloc(&f->guest, size, 8);
	char sink[4096];
	uint32_t id;
	uint32_t len;
	size_t received = 0;
	ssize_t n;

	const struct test_buffer chain[] = { { flood, size, false } };
	test_queue_add(&f->queues[VIRTIO_CONSOLE_TX], chain, 1);
	test_queue_notify(&f->queues[VIRTIO_CONSOLE_TX]);
	assert_true(test_queue_take_used(&f->queues[VIRTIO_CONSOLE_TX], &id, &len));
	while ((n = read(f->terminal, sink, sizeof(sink))) > 0)
		received += (size_t)n;
	assert_true(received > 0);
	assert_true(received < size);
}

/* Readable for ever after: input stops rather than spinning the daemon. */
static void input_stops_at_end_of_file(void **state)
{
	struct fixture *f = *state;
	uint64_t buffer = test_guest_alloc(&f->guest, 16, 1);
	const struct test_buffer chain[] = { { buffer, 16, true } };
	uint32_t id;
	uint32_t len;

	test_queue_add(&f->queues[VIRTIO_CONSOLE_RX], chain, 1);
	shutdown(f->terminal, SHUT_WR);
	assert_true(virtio_mmio_wants_input(f->console));
	f->console->ops->input(f->console);
	assert_false(virtio_mmio_wants_input(f->console));
	assert_false(test_queue_take_used(&f->queues[VIRTIO_CONSOLE_RX], &id, &len));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(output_reaches_the_terminal, set_up, tear_down),
		cmocka_unit_test_setup_teardown(keys_fill_the_buffers_the_guest_posted, set_up, tear_down),
		cmocka_unit_test_setup_teardown(unread_output_is_dropped_not_waited_for, set_up, tear_down),
		cmocka_unit_test_setup_teardown(input_stops_at_end_of_file, set_up, tear_down),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
