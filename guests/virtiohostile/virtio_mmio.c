#include "virtio_mmio.h"

#include "counter.h"
#include "mmio.h"
#include "print.h"

#define REG_MAGIC               0x000
#define REG_DEVICE_FEATURES     0x010
#define REG_DEVICE_FEATURES_SEL 0x014
#define REG_DRIVER_FEATURES     0x020
#define REG_DRIVER_FEATURES_SEL 0x024
#define REG_QUEUE_SEL           0x030
#define REG_QUEUE_NUM_MAX       0x034
#define REG_QUEUE_NUM           0x038
#define REG_QUEUE_READY         0x044
#define REG_QUEUE_NOTIFY        0x050
#define REG_STATUS              0x070
#define REG_QUEUE_DESC          0x080
#define REG_QUEUE_DRIVER        0x090
#define REG_QUEUE_DEVICE        0x0a0

#define STATUS_ACKNOWLEDGE      1
#define STATUS_DRIVER           2
#define STATUS_DRIVER_OK        4
#define STATUS_FEATURES_OK      8

#define FEATURE_VERSION_1_HIGH  1u /* bit 32 */

uint32_t virtio_read(uintptr_t window, unsigned offset)
{
	return mmio_read32(window + offset);
}

static void write_reg(uintptr_t window, unsigned offset, uint32_t value)
{
	mmio_write32(window + offset, value);
}

static void write_address(uintptr_t window, unsigned offset, uint64_t address)
{
	write_reg(window, offset, (uint32_t)address);
	write_reg(window, offset + 4, (uint32_t)(address >> 32));
}

bool virtio_setup(uintptr_t window, struct virtq *q)
{
	uint32_t status = STATUS_ACKNOWLEDGE | STATUS_DRIVER;

	write_reg(window, REG_STATUS, 0);
	((volatile struct virtq_avail *)q->avail)->idx = 0;
	((volatile struct virtq_used *)q->used)->idx = 0;
	q->used_seen = 0;
	write_reg(window, REG_STATUS, status);
	write_reg(window, REG_DEVICE_FEATURES_SEL, 1);
	if (!(virtio_read(window, REG_DEVICE_FEATURES) & FEATURE_VERSION_1_HIGH)) {
		print("virtio-hostile: device does not offer VERSION_1\n");
		return false;
	}
	write_reg(window, REG_DRIVER_FEATURES_SEL, 0);
	write_reg(window, REG_DRIVER_FEATURES, 0);
	write_reg(window, REG_DRIVER_FEATURES_SEL, 1);
	write_reg(window, REG_DRIVER_FEATURES, FEATURE_VERSION_1_HIGH);
	status |= STATUS_FEATURES_OK;
	write_reg(window, REG_STATUS, status);
	if (!(virtio_read(window, REG_STATUS) & STATUS_FEATURES_OK)) {
		print("virtio-hostile: device refused the features\n");
		return false;
	}
	write_reg(window, REG_QUEUE_SEL, 0);
	if (virtio_read(window, REG_QUEUE_NUM_MAX) < QUEUE_SIZE) {
		print("virtio-hostile: queue 0 is smaller than %u\n", QUEUE_SIZE);
		return false;
	}
	write_reg(window, REG_QUEUE_NUM, QUEUE_SIZE);
	write_address(window, REG_QUEUE_DESC, q->desc_addr);
	write_address(window, REG_QUEUE_DRIVER, q->avail_addr);
	write_address(window, REG_QUEUE_DEVICE, q->used_addr);
	write_reg(window, REG_QUEUE_READY, 1);
	write_reg(window, REG_STATUS, status | STATUS_DRIVER_OK);
	return true;
}

void virtio_set_desc(struct virtq *q, unsigned i, uint64_t addr, uint32_t len, uint16_t flags,
		     uint16_t next)
{
	volatile struct virtq_desc *d = &q->desc[i];

	d->addr = addr;
	d->len = len;
	d->flags = flags;
	d->next = next;
}

void virtio_notify(uintptr_t window)
{
	write_reg(window, REG_QUEUE_NOTIFY, 0);
}

void virtio_submit(uintptr_t window, struct virtq *q, uint16_t head)
{
	volatile struct virtq_avail *avail = q->avail;
	uint16_t idx = avail->idx;

	avail->ring[idx % QUEUE_SIZE] = head;
	__asm__ volatile("dmb ish" : : : "memory");
	avail->idx = (uint16_t)(idx + 1);
	__asm__ volatile("dmb ish" : : : "memory");
	virtio_notify(window);
}

bool virtio_wait_used(struct virtq *q, uint32_t *len)
{
	volatile struct virtq_used *used = q->used;
	uint64_t deadline = counter_deadline_in_ms(EXPECTED_WAIT_MS);

	while (used->idx == q->used_seen) {
		if (counter_ticks() > deadline)
			return false;
	}
	__asm__ volatile("dmb ish" : : : "memory");
	*len = used->ring[q->used_seen % QUEUE_SIZE].len;
	q->used_seen++;
	return true;
}

bool virtio_used_by_now(uintptr_t window, const struct virtq *q)
{
	(void)virtio_read(window, REG_STATUS);
	return ((volatile struct virtq_used *)q->used)->idx != q->used_seen;
}
