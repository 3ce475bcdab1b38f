#include "virtio_ring_share.h"

#include "cstring.h"

void virtio_ring_share_init(struct virtio_ring_share *s)
{
	memset(s, 0, sizeof(*s));
}

static void release_entry(struct virtio_ring_share *s, uint32_t index)
{
	unsigned zone = s->owner[index];

	if (zone == VIRTIO_RING_HYPERVISOR)
		return;
	s->held_by_zones--;
	if (--s->held[zone] == 0)
		s->zones_holding--;
}

void virtio_ring_share_retire(struct virtio_ring_share *s, uint32_t front)
{
	front &= VIRTIO_BRIDGE_MAX_REQ - 1;
	while (s->oldest != front && s->oldest != s->next) {
		release_entry(s, s->oldest);
		s->oldest = virtio_bridge_next(s->oldest);
	}
}

bool virtio_ring_share_admits(const struct virtio_ring_share *s, unsigned zone)
{
	uint32_t zones = s->zones_holding + (s->held[zone] == 0);

	return s->held_by_zones < VIRTIO_RING_FOR_ZONES &&
	       s->held[zone] < VIRTIO_RING_FOR_ZONES / zones;
}

void virtio_ring_share_take(struct virtio_ring_share *s, unsigned zone)
{
	s->owner[s->next] = (uint8_t)zone;
	if (zone != VIRTIO_RING_HYPERVISOR) {
		if (s->held[zone]++ == 0)
			s->zones_holding++;
		s->held_by_zones++;
	}
	s->next = virtio_bridge_next(s->next);
}
