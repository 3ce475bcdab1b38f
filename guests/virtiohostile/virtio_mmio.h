/* Just enough of a virtio-mmio (version 2) driver for one split virtqueue,
 * polled: the hostile guest builds its requests by hand around it. */
#ifndef VIRTIO_MMIO_H
#define VIRTIO_MMIO_H

#include <stdbool.h>
#include <stdint.h>

#define VIRTIO_MAGIC            0x74726976u /* "virt" */
#define VIRTIO_DEVICE_ID_BLK    2

#define VIRTQ_DESC_F_NEXT       1
#define VIRTQ_DESC_F_WRITE      2
/* A guest may build this driver with a larger queue. */
#ifndef QUEUE_SIZE
#define QUEUE_SIZE              8
#endif

struct virtq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct virtq_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[QUEUE_SIZE];
	uint16_t used_event;
};

struct virtq_used_elem {
	uint32_t id;
	uint32_t len;
};

struct virtq_used {
	uint16_t flags;
	uint16_t idx;
	struct virtq_used_elem ring[QUEUE_SIZE];
	uint16_t avail_event;
};

struct virtq {
	struct virtq_desc *desc;
	struct virtq_avail *avail;
	struct virtq_used *used;
	/* Where the device is told the rings are; normally the above. */
	uint64_t desc_addr, avail_addr, used_addr;
	uint16_t used_seen;     /* used->idx after the last buffer waited for */
};

uint32_t virtio_read(uintptr_t window, unsigned offset);
/* Reset, feature negotiation (VERSION_1 only) and queue 0 set up at the
 * queue's *_addr; false, with the reason printed, if the device refuses. */
bool virtio_setup(uintptr_t window, struct virtq *q);
/* Writes descriptor `i` of the queue's table as it is, right or wrong. */
void virtio_set_desc(struct virtq *q, unsigned i, uint64_t addr, uint32_t len, uint16_t flags,
		     uint16_t next);
/* QueueNotify for queue 0. */
void virtio_notify(uintptr_t window);
/* Makes the chain starting at `head` available and notifies queue 0. */
void virtio_submit(uintptr_t window, struct virtq *q, uint16_t head);
/* Waits (EXPECTED_WAIT_MS at most) for the device to use one more buffer;
 * false on timeout. *len receives the length the device reports having
 * written. */
bool virtio_wait_used(struct virtq *q, uint32_t *len);
/* Whether the device has used a buffer of q that was not waited for, with no
 * waiting on the clock: the daemon serves the bridge's requests in order, so
 * once a register read is answered every notify before it has been served. */
bool virtio_used_by_now(uintptr_t window, const struct virtq *q);

#endif
