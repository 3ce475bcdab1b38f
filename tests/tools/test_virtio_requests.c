/* Requests from the bridge as the hypervisor sends them: register accesses
 * answered to the waiting CPU, accesses that match no device answered
 * all-ones, notifications and the stop-time reset answered not at all, and
 * a zone whose RAM cannot be mapped served without ever touching it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>
#include <unistd.h>

#include "request_handler.h"
#include "virtio_console.h"
#include "virtio_test_driver.h"

#define CPU 5

struct fixture {
	struct test_guest guest;
	struct virtio_zones zones;
	struct virtio_bridge bridge;
	int terminal;
};

static int set_up(void **state)
{
	static struct fixture f;

	memset(&f, 0, sizeof(f));
	test_guest_init(&f.guest);
	f.terminal = test_console_zone(&f.guest, &f.zones);
	*state = &f;
	return 0;
}

static int tear_down(void **state)
{
	struct fixture *f = *state;
	struct virtio_zone *zone = &f->zones.zones[0];

	/* The test's RAM is no mapping: only the devices go. */
	zone->memory.mapped = false;
	virtio_zones_close(&f->zones);
	close(f->terminal);
	test_guest_release(&f->guest);
	return 0;
}

static void send_request(struct fixture *f, struct virtio_bridge_request request)
{
	request_handle(&f->zones, &f->bridge, -1, &request);
}

/* A synchronous access from CPU; the answer it got. */
static uint64_t guest_access(struct fixture *f, uint32_t zone, uint64_t address, uint64_t size,
		       bool is_write, uint64_t value)
{
	uint64_t flag = f->bridge.cfg_flags[CPU];

	send_request(f, (struct virtio_bridge_request){
		.src_cpu = CPU, .address = address, .size = size, .value = value,
		.src_zone = zone, .is_write = is_write,
	});
	assert_int_equal(f->bridge.cfg_flags[CPU], flag + 1);
	return f->bridge.cfg_values[CPU];
}

static uint64_t read_register(struct fixture *f, uint64_t offset)
{
	return guest_access(f, TEST_ZONE_ID, TEST_DEVICE_BASE + offset, 4, false, 0);
}

static void write_register(struct fixture *f, uint64_t offset, uint32_t value)
{
	assert_int_equal(guest_access(f, TEST_ZONE_ID, TEST_DEVICE_BASE + offset, 4, true, value), 0);
}

static void register_accesses_are_answered_to_the_waiting_cpu(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(read_register(f, VIRTIO_MMIO_MAGIC_VALUE), 0x74726976);
	assert_int_equal(read_register(f, VIRTIO_MMIO_DEVICE_ID), 3);
	write_register(f, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
	assert_int_equal(read_register(f, VIRTIO_MMIO_STATUS), VIRTIO_STATUS_ACKNOWLEDGE);
	assert_int_equal(f->bridge.cfg_flags[CPU], 4);
}

static void accesses_matching_no_device_read_all_ones(void **state)
{
	struct fixture *f = *state;
	const uint64_t after = TEST_DEVICE_BASE + 0x200;

	assert_int_equal(guest_access(f, TEST_ZONE_ID, after, 4, false, 0), 0xffffffff);
	assert_int_equal(guest_access(f, TEST_ZONE_ID, after, 1, false, 0), 0xff);
	assert_int_equal(guest_access(f, TEST_ZONE_ID, after, 8, false, 0), UINT64_MAX);
	assert_int_equal(guest_access(f, TEST_ZONE_ID, TEST_DEVICE_BASE - 4, 2, false, 0), 0xffff);
	assert_int_equal(guest_access(f, 7, TEST_DEVICE_BASE, 4, false, 0), 0xffffffff);
	assert_int_equal(guest_access(f, TEST_ZONE_ID, TEST_DEVICE_BASE, 3, false, 0), UINT64_MAX);
	assert_int_equal(guest_access(f, TEST_ZONE_ID, after, 4, true, 1), 0);
}

static void a_cpu_out_of_range_is_not_answered(void **state)
{
	struct fixture *f = *state;
	static const struct virtio_bridge zero;

	send_request(f, (struct virtio_bridge_request){
		.src_cpu = VIRTIO_BRIDGE_MAX_CPUS, .address = TEST_DEVICE_BASE, .size = 4,
		.src_zone = TEST_ZONE_ID,
	});
	send_request(f, (struct virtio_bridge_request){
		.src_cpu = UINT64_MAX, .address = TEST_DEVICE_BASE, .size = 4,
		.src_zone = TEST_ZONE_ID,
	});
	assert_memory_equal(&f->bridge, &zero, sizeof(zero));
}

static void a_notification_waits_for_no_answer(void **state)
{
	struct fixture *f = *state;
	struct virtio_mmio_device *dev = f->zones.zones[0].devices[0];
	struct test_queue queues[2];

	test_device_start(&f->guest, dev, VIRTIO_F_VERSION_1, queues, 2, 8);
	send_request(f, (struct virtio_bridge_request){
		.src_cpu = CPU, .address = TEST_DEVICE_BASE + VIRTIO_MMIO_QUEUE_NOTIFY, .size = 4,
		.value = VIRTIO_CONSOLE_TX, .src_zone = TEST_ZONE_ID, .is_write = 1,
		.need_interrupt = 1,
	});
	assert_int_equal(f->bridge.cfg_flags[CPU], 0);
	assert_true(dev->queues[0].ready);
}

/* The hypervisor clears a stopped zone's RAM once this is answered. */
static void the_stop_reset_unmaps_the_zones_ram_before_its_answer(void **state)
{
	struct fixture *f = *state;
	struct virtio_zone *zone = &f->zones.zones[0];
	struct virtio_mmio_device *dev = zone->devices[0];
	struct test_queue queues[2];

	test_device_start(&f->guest, dev, VIRTIO_F_VERSION_1, queues, 2, 8);
	send_request(f, (struct virtio_bridge_request){
		.src_cpu = CPU, .address = TEST_DEVICE_BASE + VIRTIO_MMIO_STATUS, .size = 4,
		.value = 0, .src_zone = TEST_ZONE_ID, .is_write = 1,
		.flags = VIRTIO_BRIDGE_ZONE_STOPPED,
	});
	assert_int_equal(f->bridge.cfg_flags[CPU], 1);
	assert_false(zone->memory.mapped);
	assert_null(zone_memory_translate(&zone->memory, TEST_RAM_BASE, 1));
	assert_int_equal(dev->status, 0);
	assert_false(dev->queues[0].ready);
	assert_false(dev->queues[1].ready);

	/* A guest's own reset keeps the mapping. */
	zone->memory.mapped = true;
	zone->memory.regions[0].local = f->guest.ram;
	write_register(f, VIRTIO_MMIO_STATUS, 0);
	assert_true(zone->memory.mapped);
}

static void zone_without_mapped_ram_gets_no_queues(void **state)
{
	struct fixture *f = *state;
	struct virtio_mmio_device *dev = f->zones.zones[0].devices[0];
	struct test_queue queue;

	/* The handler maps on the first access; /dev/hvisor (-1 here) refuses. */
	f->zones.zones[0].memory.mapped = false;
	assert_int_equal(read_register(f, VIRTIO_MMIO_MAGIC_VALUE), 0x74726976);
	assert_false(f->zones.zones[0].memory.mapped);
	write_register(f, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	test_queue_layout(&f->guest, &queue, 8);
	write_register(f, VIRTIO_MMIO_QUEUE_SEL, 0);
	write_register(f, VIRTIO_MMIO_QUEUE_NUM, 8);
	write_register(f, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)queue.desc_address);
	write_register(f, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (uint32_t)queue.avail_address);
	write_register(f, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (uint32_t)queue.used_address);
	write_register(f, VIRTIO_MMIO_QUEUE_READY, 1);
	assert_int_equal(read_register(f, VIRTIO_MMIO_QUEUE_READY), 0);
	assert_true(read_register(f, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET);
	assert_null(dev->queues[0].used);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(register_accesses_are_answered_to_the_waiting_cpu, set_up, tear_down),
		cmocka_unit_test_setup_teardown(accesses_matching_no_device_read_all_ones, set_up, tear_down),
		cmocka_unit_test_setup_teardown(a_cpu_out_of_range_is_not_answered, set_up, tear_down),
		cmocka_unit_test_setup_teardown(a_notification_waits_for_no_answer, set_up, tear_down),
		cmocka_unit_test_setup_teardown(the_stop_reset_unmaps_the_zones_ram_before_its_answer, set_up, tear_down),
		cmocka_unit_test_setup_teardown(zone_without_mapped_ram_gets_no_queues, set_up, tear_down),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
