/* The device side of one split virtqueue: the addresses and size the driver
 * programmed, the rings translated into the daemon's mapping of the zone,
 * and the device's place in them. A driver that breaks the protocol (an
 * available index that runs ahead by more than the queue, a head out of
 * range) marks the queue broken: it is served no more until a reset. */
#ifndef VIRTQUEUE_H
#define VIRTQUEUE_H

#include <stdbool.h>
#include <stdint.h>

#include "desc_chain.h"
#include "zone_memory.h"

struct virtqueue {
	/* Programmed by the driver through the virtio-mmio registers. */
	uint32_t num;
	uint64_t desc_address;
	uint64_t driver_address;
	uint64_t device_address;
	bool ready;
	bool broken;
	/* While ready: the rings inside the zone's mapping. */
	const struct virtq_desc *desc;
	const struct virtq_avail *avail;
	struct virtq_used *used;
	uint16_t last_avail;    /* the next avail ring entry to take */
	uint16_t used_idx;
};

enum virtqueue_next {
	VIRTQUEUE_EMPTY,        /* nothing available (or the queue is broken) */
	VIRTQUEUE_CHAIN,
	VIRTQUEUE_BAD_CHAIN,    /* to be handed back unused */
};

/* Checks the size and ring addresses and makes the queue ready; -1 if they
 * are unusable (not a power of two, misaligned, outside the zone's RAM). */
int virtqueue_activate(struct virtqueue *vq, const struct zone_memory *memory);

/* Forgets everything, so the zone's memory is not touched again. */
void virtqueue_reset(struct virtqueue *vq);

bool virtqueue_has_available(struct virtqueue *vq);

/* The next available chain, left in place until virtqueue_consume; a bad
 * chain's reason goes to *error. */
enum virtqueue_next virtqueue_peek(struct virtqueue *vq, const struct zone_memory *memory,
				   struct desc_chain *chain, enum desc_chain_error *error);
void virtqueue_consume(struct virtqueue *vq);

/* Hands chain `head` back with `len` bytes written into it. */
void virtqueue_push_used(struct virtqueue *vq, uint16_t head, uint32_t len);

/* Whether the driver wants an interrupt for what was just pushed. */
bool virtqueue_wants_interrupt(const struct virtqueue *vq);

#endif
