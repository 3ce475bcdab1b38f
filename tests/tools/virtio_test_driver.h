/* A guest for the virtio back-end tests: its RAM is a heap buffer seen at
 * TEST_RAM_BASE, and it drives devices as a virtio driver does, through the
 * registers and split virtqueues it lays out in that RAM. Interrupts the
 * devices raise are counted. */
#ifndef VIRTIO_TEST_DRIVER_H
#define VIRTIO_TEST_DRIVER_H

#include <stdbool.h>
#include <stdint.h>

#include "virtio_mmio_device.h"
#include "virtio_zones.h"
#include "zone_memory.h"

#define TEST_RAM_BASE   0x50000000ull
#define TEST_RAM_SIZE   (1u << 20)
#define TEST_ZONE_ID    1
#define TEST_IRQ        78
#define TEST_DEVICE_BASE 0xa003c00ull

struct test_irqs {
	struct irq_sink sink;           /* first: raise() gets this */
	unsigned count;
	uint32_t last_zone;
	uint32_t last_irq;
};

struct test_guest {
	struct zone_memory memory;
	uint8_t *ram;
	uint64_t next_free;             /* guest address of the bump allocator */
	struct test_irqs irqs;
};

void test_guest_init(struct test_guest *guest);
void test_guest_release(struct test_guest *guest);

/* Guest RAM for rings and buffers, zeroed; its guest address. */
uint64_t test_guest_alloc(struct test_guest *guest, uint64_t size, uint64_t align);
void *test_guest_ptr(const struct test_guest *guest, uint64_t address);

/* Where and what a device under test is, for virtio_*_create. */
struct virtio_device_setup test_guest_setup(struct test_guest *guest);

uint32_t test_reg_read(struct virtio_mmio_device *dev, uint64_t offset);
void test_reg_write(struct virtio_mmio_device *dev, uint64_t offset, uint32_t value);

struct test_queue {
	struct virtio_mmio_device *dev;
	unsigned index;
	uint32_t num;
	uint64_t desc_address;
	uint64_t avail_address;
	uint64_t used_address;
	struct virtq_desc *desc;
	struct virtq_avail *avail;
	struct virtq_used *used;
	uint16_t next_desc;             /* descriptors are handed out in turn */
	uint16_t used_seen;
};

/* Lays the rings out in guest RAM without telling the device. */
void test_queue_layout(struct test_guest *guest, struct test_queue *queue, uint32_t num);

/* Programs the queue's size and addresses and sets QueueReady. */
void test_queue_program(struct virtio_mmio_device *dev, unsigned index, struct test_queue *queue);

struct test_buffer {
	uint64_t address;
	uint32_t len;
	bool writable;
};

/* Writes a well-formed chain and makes it available; its head. */
uint16_t test_queue_add(struct test_queue *queue, const struct test_buffer *buffers,
			unsigned count);

/* For chains no driver builds: one raw descriptor, then its head made available. */
void test_queue_set_desc(struct test_queue *queue, uint16_t index, uint64_t address,
			 uint32_t len, uint16_t flags, uint16_t next);
void test_queue_make_available(struct test_queue *queue, uint16_t head);

/* Writes QueueNotify for this queue. */
void test_queue_notify(struct test_queue *queue);

/* The next used element, false if the device returned nothing more. */
bool test_queue_take_used(struct test_queue *queue, uint32_t *id, uint32_t *len);

/* The driver's side of initialisation (virtio 1.x §3.1.1) with `features`,
 * laying out and programming each queue; leaves the device DRIVER_OK. */
void test_device_start(struct test_guest *guest, struct virtio_mmio_device *dev,
		       uint64_t features, struct test_queue *queues, unsigned num_queues,
		       uint32_t queue_size);

/* Makes `zones` one zone, TEST_ZONE_ID, in the guest's RAM, with a console
 * whose PTY is one end of a socket pair; returns the other end, the user's
 * terminal. */
int test_console_zone(struct test_guest *guest, struct virtio_zones *zones);

#endif
