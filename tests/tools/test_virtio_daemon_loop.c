/* The daemon loop in a thread, with the test as the hypervisor: requests
 * are answered whether the daemon was busy or asleep, an idle daemon sleeps
 * instead of polling, console input reaches a guest that posted buffers
 * with no request at all, and SIGTERM stops the loop cleanly. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "daemon_loop.h"
#include "virtio_console.h"
#include "virtio_test_driver.h"

#define CPU 1
/* Generous: a loaded host may not run the daemon's thread for a while. */
#define WAIT_NS (30 * 1000000000ll)

struct fixture {
	struct test_guest guest;
	struct virtio_zones zones;
	struct virtio_bridge *bridge;
	struct hvisor_virtio hv;
	struct daemon_loop loop;
	pthread_t thread;
	int result;
	int terminal;
};

static void *run_loop(void *arg)
{
	struct fixture *f = arg;

	f->result = daemon_loop_run(&f->loop, &f->hv, &f->zones);
	return NULL;
}

static int set_up(void **state)
{
	static struct fixture f;
	struct message m;

	memset(&f, 0, sizeof(f));
	test_guest_init(&f.guest);
	f.bridge = calloc(1, VIRTIO_BRIDGE_PAGE_SIZE);
	f.hv = (struct hvisor_virtio){
		.fd = -1, .bridge = f.bridge, .event_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC),
	};
	assert_true(f.hv.event_fd >= 0);
	f.terminal = test_console_zone(&f.guest, &f.zones);
	/* Before the thread exists, so it inherits the blocked stop signals. */
	assert_int_equal(daemon_loop_open(&f.loop, &m), 0);
	assert_int_equal(pthread_create(&f.thread, NULL, run_loop, &f), 0);
	*state = &f;
	return 0;
}

static int tear_down(void **state)
{
	struct fixture *f = *state;

	kill(getpid(), SIGTERM);
	pthread_join(f->thread, NULL);
	assert_int_equal(f->result, 0);
	daemon_loop_close(&f->loop);
	f->zones.zones[0].memory.mapped = false;
	virtio_zones_close(&f->zones);
	close(f->terminal);
	close(f->hv.event_fd);
	free(f->bridge);
	test_guest_release(&f->guest);
	return 0;
}

static long long now_ns(clockid_t clock)
{
	struct timespec t;

	clock_gettime(clock, &t);
	return t.tv_sec * 1000000000ll + t.tv_nsec;
}

/* Spins (the test, not the daemon) until *value == expected or WAIT_NS pass. */
static bool wait_for(const void *value, size_t size, uint64_t expected)
{
	long long deadline = now_ns(CLOCK_MONOTONIC) + WAIT_NS;

	while (now_ns(CLOCK_MONOTONIC) < deadline) {
		uint64_t current = size == 1 ? __atomic_load_n((const uint8_t *)value, __ATOMIC_ACQUIRE)
			         : size == 2 ? __atomic_load_n((const uint16_t *)value, __ATOMIC_ACQUIRE)
			         : size == 4 ? __atomic_load_n((const uint32_t *)value, __ATOMIC_ACQUIRE)
					     : __atomic_load_n((const uint64_t *)value, __ATOMIC_ACQUIRE);
		if (current == expected)
			return true;
		usleep(100);
	}
	return false;
}

/* The hypervisor's side: store req_rear, full barrier, then look at
 * need_wakeup and raise the wake-up if it is set. */
static void hypervisor_send(struct fixture *f, struct virtio_bridge_request request)
{
	uint32_t rear = f->bridge->req_rear;

	f->bridge->req_list[rear] = request;
	__atomic_store_n(&f->bridge->req_rear, virtio_bridge_next(rear), __ATOMIC_RELEASE);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (__atomic_load_n(&f->bridge->need_wakeup, __ATOMIC_RELAXED))
		eventfd_write(f->hv.event_fd, 1);
}

static uint64_t hypervisor_access(struct fixture *f, uint64_t offset, bool is_write, uint32_t value)
{
	uint64_t flag = __atomic_load_n(&f->bridge->cfg_flags[CPU], __ATOMIC_ACQUIRE);

	hypervisor_send(f, (struct virtio_bridge_request){
		.src_cpu = CPU, .address = TEST_DEVICE_BASE + offset, .size = 4, .value = value,
		.src_zone = TEST_ZONE_ID, .is_write = is_write,
	});
	assert_true(wait_for(&f->bridge->cfg_flags[CPU], 8, flag + 1));
	return __atomic_load_n(&f->bridge->cfg_values[CPU], __ATOMIC_RELAXED);
}

static void requests_are_answered_busy_or_asleep(void **state)
{
	struct fixture *f = *state;

	assert_true(wait_for(&f->bridge->need_wakeup, 1, 1));
	assert_int_equal(hypervisor_access(f, VIRTIO_MMIO_MAGIC_VALUE, false, 0), 0x74726976);
	for (unsigned i = 0; i < 100; i++)
		assert_int_equal(hypervisor_access(f, VIRTIO_MMIO_DEVICE_ID, false, 0), 3);
	/* Several at once, as from several vCPUs. */
	for (unsigned cpu = 2; cpu < 6; cpu++)
		hypervisor_send(f, (struct virtio_bridge_request){
			.src_cpu = cpu, .address = TEST_DEVICE_BASE + VIRTIO_MMIO_VERSION_REG,
			.size = 4, .src_zone = TEST_ZONE_ID,
		});
	for (unsigned cpu = 2; cpu < 6; cpu++) {
		assert_true(wait_for(&f->bridge->cfg_flags[cpu], 8, 1));
		assert_int_equal(f->bridge->cfg_values[cpu], 2);
	}
}

static void an_idle_daemon_sleeps(void **state)
{
	struct fixture *f = *state;
	clockid_t daemon_cpu;

	assert_true(wait_for(&f->bridge->need_wakeup, 1, 1));
	assert_int_equal(pthread_getcpuclockid(f->thread, &daemon_cpu), 0);
	long long before = now_ns(daemon_cpu);
	usleep(200 * 1000);
	assert_true(now_ns(daemon_cpu) - before < 20 * 1000000ll);
	assert_int_equal(f->bridge->need_wakeup, 1);
}

static void console_input_reaches_the_guest_without_a_request(void **state)
{
	struct fixture *f = *state;
	const uint32_t status = VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
				VIRTIO_STATUS_FEATURES_OK;
	struct test_queue rx;

	/* The driver's set-up, every access through the bridge. */
	hypervisor_access(f, VIRTIO_MMIO_STATUS, true, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	hypervisor_access(f, VIRTIO_MMIO_DRIVER_FEATURES_SEL, true, 1);
	hypervisor_access(f, VIRTIO_MMIO_DRIVER_FEATURES, true, 1);
	hypervisor_access(f, VIRTIO_MMIO_STATUS, true, status);
	test_queue_layout(&f->guest, &rx, 8);
	hypervisor_access(f, VIRTIO_MMIO_QUEUE_SEL, true, VIRTIO_CONSOLE_RX);
	hypervisor_access(f, VIRTIO_MMIO_QUEUE_NUM, true, 8);
	hypervisor_access(f, VIRTIO_MMIO_QUEUE_DESC_LOW, true, (uint32_t)rx.desc_address);
	hypervisor_access(f, VIRTIO_MMIO_QUEUE_DRIVER_LOW, true, (uint32_t)rx.avail_address);
	hypervisor_access(f, VIRTIO_MMIO_QUEUE_DEVICE_LOW, true, (uint32_t)rx.used_address);
	hypervisor_access(f, VIRTIO_MMIO_QUEUE_READY, true, 1);
	hypervisor_access(f, VIRTIO_MMIO_STATUS, true, status | VIRTIO_STATUS_DRIVER_OK);
	assert_int_equal(hypervisor_access(f, VIRTIO_MMIO_STATUS, false, 0),
			 status | VIRTIO_STATUS_DRIVER_OK);

	uint64_t buffer = test_guest_alloc(&f->guest, 64, 8);
	const struct test_buffer chain[] = { { buffer, 64, true } };
	test_queue_add(&rx, chain, 1);
	hypervisor_send(f, (struct virtio_bridge_request){
		.src_cpu = CPU, .address = TEST_DEVICE_BASE + VIRTIO_MMIO_QUEUE_NOTIFY, .size = 4,
		.value = VIRTIO_CONSOLE_RX, .src_zone = TEST_ZONE_ID, .is_write = 1,
		.need_interrupt = 1,
	});
	assert_int_equal(write(f->terminal, "ls\r", 3), 3);
	assert_true(wait_for(&rx.used->idx, 2, 1));
	assert_int_equal(rx.used->ring[0].len, 3);
	assert_memory_equal(test_guest_ptr(&f->guest, buffer), "ls\r", 3);
	assert_true(wait_for(&f->guest.irqs.count, 4, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(requests_are_answered_busy_or_asleep, set_up, tear_down),
		cmocka_unit_test_setup_teardown(an_idle_daemon_sleeps, set_up, tear_down),
		cmocka_unit_test_setup_teardown(console_input_reaches_the_guest_without_a_request, set_up, tear_down),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
