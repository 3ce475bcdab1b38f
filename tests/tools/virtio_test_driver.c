#include "virtio_test_driver.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>

#include "virtio_console.h"

static void count_irq(struct irq_sink *sink, uint32_t zone_id, uint32_t irq)
{
	struct test_irqs *irqs = (struct test_irqs *)sink;

	irqs->count++;
	irqs->last_zone = zone_id;
	irqs->last_irq = irq;
}

void test_guest_init(struct test_guest *guest)
{
	memset(guest, 0, sizeof(*guest));
	/* A mapping, as the daemon's is: a zone's stop unmaps it. */
	guest->ram = mmap(NULL, TEST_RAM_SIZE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(guest->ram != MAP_FAILED);
	guest->memory.num_regions = 1;
	guest->memory.regions[0] = (struct zone_memory_region){
		.zone_address = TEST_RAM_BASE,
		.zone0_address = TEST_RAM_BASE,
		.size = TEST_RAM_SIZE,
		.local = guest->ram,
	};
	guest->memory.mapped = true;
	guest->next_free = TEST_RAM_BASE;
	guest->irqs.sink.raise = count_irq;
}

void test_guest_release(struct test_guest *guest)
{
	/* Unmapping what a stop already unmapped is no error. */
	munmap(guest->ram, TEST_RAM_SIZE);
	guest->ram = NULL;
}

uint64_t test_guest_alloc(struct test_guest *guest, uint64_t size, uint64_t align)
{
	uint64_t address = (guest->next_free + align - 1) & ~(align - 1);

	assert_true(address + size <= TEST_RAM_BASE + TEST_RAM_SIZE);
	guest->next_free = address + size;
	memset(test_guest_ptr(guest, address), 0, size);
	return address;
}

void *test_guest_ptr(const struct test_guest *guest, uint64_t address)
{
	return guest->ram + (address - TEST_RAM_BASE);
}

struct virtio_device_setup test_guest_setup(struct test_guest *guest)
{
	return (struct virtio_device_setup){
		.zone_id = TEST_ZONE_ID,
		.irq = TEST_IRQ,
		.base = TEST_DEVICE_BASE,
		.size = 0x200,
		.memory = &guest->memory,
		.irqs = &guest->irqs.sink,
		.backing = "test",
	};
}

uint32_t test_reg_read(struct virtio_mmio_device *dev, uint64_t offset)
{
	return (uint32_t)virtio_mmio_read(dev, offset, 4);
}

void test_reg_write(struct virtio_mmio_device *dev, uint64_t offset, uint32_t value)
{
	virtio_mmio_write(dev, offset, 4, value);
}

void test_queue_layout(struct test_guest *guest, struct test_queue *queue, uint32_t num)
{
	memset(queue, 0, sizeof(*queue));
	queue->num = num;
	queue->desc_address = test_guest_alloc(guest, VIRTQ_DESC_BYTES(num), 16);
	queue->avail_address = test_guest_alloc(guest, VIRTQ_AVAIL_BYTES(num), 2);
	queue->used_address = test_guest_alloc(guest, VIRTQ_USED_BYTES(num), 4);
	queue->desc = test_guest_ptr(guest, queue->desc_address);
	queue->avail = test_guest_ptr(guest, queue->avail_address);
	queue->used = test_guest_ptr(guest, queue->used_address);
}

void test_queue_program(struct virtio_mmio_device *dev, unsigned index, struct test_queue *queue)
{
	queue->dev = dev;
	queue->index = index;
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_SEL, index);
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_NUM, queue->num);
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)queue->desc_address);
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_DESC_HIGH, (uint32_t)(queue->desc_address >> 32));
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (uint32_t)queue->avail_address);
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_DRIVER_HIGH, (uint32_t)(queue->avail_address >> 32));
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (uint32_t)queue->used_address);
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_DEVICE_HIGH, (uint32_t)(queue->used_address >> 32));
	test_reg_write(dev, VIRTIO_MMIO_QUEUE_READY, 1);
}

void test_queue_set_desc(struct test_queue *queue, uint16_t index, uint64_t address,
			 uint32_t len, uint16_t flags, uint16_t next)
{
	queue->desc[index] = (struct virtq_desc){
		.addr = address, .len = len, .flags = flags, .next = next,
	};
}

void test_queue_make_available(struct test_queue *queue, uint16_t head)
{
	queue->avail->ring[queue->avail->idx % queue->num] = head;
	__atomic_store_n(&queue->avail->idx, (uint16_t)(queue->avail->idx + 1), __ATOMIC_RELEASE);
}

uint16_t test_queue_add(struct test_queue *queue, const struct test_buffer *buffers,
			unsigned count)
{
	uint16_t head = queue->next_desc;

	for (unsigned i = 0; i < count; i++) {
		uint16_t index = (uint16_t)((head + i) % queue->num);
		uint16_t next = (uint16_t)((index + 1) % queue->num);
		uint16_t flags = (uint16_t)((buffers[i].writable ? VIRTQ_DESC_F_WRITE : 0) |
					    (i + 1 < count ? VIRTQ_DESC_F_NEXT : 0));
		test_queue_set_desc(queue, index, buffers[i].address, buffers[i].len, flags, next);
	}
	queue->next_desc = (uint16_t)((head + count) % queue->num);
	test_queue_make_available(queue, head);
	return head;
}

void test_queue_notify(struct test_queue *queue)
{
	test_reg_write(queue->dev, VIRTIO_MMIO_QUEUE_NOTIFY, queue->index);
}

bool test_queue_take_used(struct test_queue *queue, uint32_t *id, uint32_t *len)
{
	if (__atomic_load_n(&queue->used->idx, __ATOMIC_ACQUIRE) == queue->used_seen)
		return false;
	const struct virtq_used_elem *elem = &queue->used->ring[queue->used_seen % queue->num];
	*id = elem->id;
	*len = elem->len;
	queue->used_seen++;
	return true;
}

void test_device_start(struct test_guest *guest, struct virtio_mmio_device *dev,
		       uint64_t features, struct test_queue *queues, unsigned num_queues,
		       uint32_t queue_size)
{
	test_reg_write(dev, VIRTIO_MMIO_STATUS, 0);
	test_reg_write(dev, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
	test_reg_write(dev, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	for (uint32_t half = 0; half < 2; half++) {
		test_reg_write(dev, VIRTIO_MMIO_DRIVER_FEATURES_SEL, half);
		test_reg_write(dev, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)(features >> (32 * half)));
	}
	uint32_t status = VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
			  VIRTIO_STATUS_FEATURES_OK;
	test_reg_write(dev, VIRTIO_MMIO_STATUS, status);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_STATUS), status);
	for (unsigned i = 0; i < num_queues; i++) {
		test_queue_layout(guest, &queues[i], queue_size);
		test_queue_program(dev, i, &queues[i]);
	}
	test_reg_write(dev, VIRTIO_MMIO_STATUS, status | VIRTIO_STATUS_DRIVER_OK);
	assert_int_equal(test_reg_read(dev, VIRTIO_MMIO_STATUS), status | VIRTIO_STATUS_DRIVER_OK);
}

int test_console_zone(struct test_guest *guest, struct virtio_zones *zones)
{
	struct virtio_zone *zone = &zones->zones[0];
	int pair[2];

	zones->num_zones = 1;
	zone->id = TEST_ZONE_ID;
	zone->memory = guest->memory;
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair), 0);
	struct console_pty pty = { .master_fd = pair[0], .slave_fd = -1 };
	struct virtio_device_setup setup = test_guest_setup(guest);
	setup.memory = &zone->memory;
	zone->devices[zone->num_devices++] = virtio_console_create(&setup, &pty);
	return pair[1];
}
