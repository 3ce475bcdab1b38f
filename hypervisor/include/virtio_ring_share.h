/* Who holds the entries of the bridge's request ring. The ring is one for
 * every zone, so without a limit one zone (a vCPU posting QueueNotify
 * writes, which it does not wait for) fills it and every other zone's
 * access waits behind it. Zones' requests share the ring fairly: a zone
 * may hold at most an equal part among the zones that hold entries, and
 * all zones together leave VIRTIO_RING_RESERVED entries free for the
 * resets the hypervisor sends when a zone stops. Pure logic, under the
 * bridge's request lock. */
#ifndef VIRTIO_RING_SHARE_H
#define VIRTIO_RING_SHARE_H

#include <stdbool.h>
#include <stdint.h>

#include <tessera/virtio_bridge.h>

#include "config_check.h"

#define VIRTIO_RING_USABLE   (VIRTIO_BRIDGE_MAX_REQ - 1)
#define VIRTIO_RING_RESERVED 4
#define VIRTIO_RING_FOR_ZONES (VIRTIO_RING_USABLE - VIRTIO_RING_RESERVED)
/* What owner[] holds for the hypervisor's own requests. */
#define VIRTIO_RING_HYPERVISOR 0xff

_Static_assert(VIRTIO_RING_FOR_ZONES >= MAX_ZONES - 1, "an entry for every zone");

struct virtio_ring_share {
	uint8_t owner[VIRTIO_BRIDGE_MAX_REQ];  /* zone slot of each entry held */
	uint8_t held[MAX_ZONES];
	uint32_t zones_holding;
	uint32_t held_by_zones;
	uint32_t oldest;                        /* the first entry still held */
	uint32_t next;                          /* where the next one goes */
};

/* Empty, with the ring's indices at 0 (a new bridge page). */
void virtio_ring_share_init(struct virtio_ring_share *s);

/* The daemon has consumed everything before `front` (masked; anything past
 * the hypervisor's own producer index is taken as consumed up to it). */
void virtio_ring_share_retire(struct virtio_ring_share *s, uint32_t front);

/* Whether zone slot `zone` may add a request now. */
bool virtio_ring_share_admits(const struct virtio_ring_share *s, unsigned zone);

/* Records the entry at s->next as `zone`'s (or VIRTIO_RING_HYPERVISOR's)
 * and moves s->next on; the caller checked there is room. */
void virtio_ring_share_take(struct virtio_ring_share *s, unsigned zone);

#endif
