#include "virtqueue.h"

#include <string.h>

static bool is_power_of_two(uint32_t n)
{
	return n && !(n & (n - 1));
}

/* Alignments of virtio 1.x §2.7; the daemon's atomic loads depend on them. */
int virtqueue_activate(struct virtqueue *vq, const struct zone_memory *memory)
{
	uint32_t num = vq->num;

	if (!is_power_of_two(num) || num > VIRTQUEUE_MAX_SIZE || vq->desc_address % 16 ||
	    vq->driver_address % 2 || vq->device_address % 4)
		return -1;
	const struct virtq_desc *desc = zone_memory_translate(memory, vq->desc_address,
							       VIRTQ_DESC_BYTES(num));
	const struct virtq_avail *avail = zone_memory_translate(memory, vq->driver_address,
								 VIRTQ_AVAIL_BYTES(num));
	struct virtq_used *used = zone_memory_translate(memory, vq->device_address,
							VIRTQ_USED_BYTES(num));
	if (!desc || !avail || !used)
		return -1;
	vq->desc = desc;
	vq->avail = avail;
	vq->used = used;
	vq->last_avail = 0;
	vq->used_idx = 0;
	vq->broken = false;
	vq->ready = true;
	return 0;
}

void virtqueue_reset(struct virtqueue *vq)
{
	memset(vq, 0, sizeof(*vq));
}

bool virtqueue_has_available(struct virtqueue *vq)
{
	if (!vq->ready || vq->broken)
		return false;
	uint16_t idx = __atomic_load_n(&vq->avail->idx, __ATOMIC_ACQUIRE);
	uint16_t pending = (uint16_t)(idx - vq->last_avail);
	if (pending > vq->num) {
		vq->broken = true;
		return false;
	}
	return pending != 0;
}

enum virtqueue_next virtqueue_peek(struct virtqueue *vq, const struct zone_memory *memory,
				   struct desc_chain *chain, enum desc_chain_error *error)
{
	if (!virtqueue_has_available(vq))
		return VIRTQUEUE_EMPTY;
	const volatile uint16_t *ring = vq->avail->ring;
	uint16_t head = ring[vq->last_avail % vq->num];
	/* There is no chain to hand back: the driver could not tell which it was. */
	if (head >= vq->num) {
		vq->broken = true;
		return VIRTQUEUE_EMPTY;
	}
	*error = desc_chain_walk(vq->desc, vq->num, head, memory, chain);
	return *error == DESC_CHAIN_OK ? VIRTQUEUE_CHAIN : VIRTQUEUE_BAD_CHAIN;
}

void virtqueue_consume(struct virtqueue *vq)
{
	vq->last_avail++;
}

void virtqueue_push_used(struct virtqueue *vq, uint16_t head, uint32_t len)
{
	volatile struct virtq_used_elem *elem = &vq->used->ring[vq->used_idx % vq->num];

	elem->id = head;
	elem->len = len;
	vq->used_idx++;
	__atomic_store_n(&vq->used->idx, vq->used_idx, __ATOMIC_RELEASE);
}

bool virtqueue_wants_interrupt(const struct virtqueue *vq)
{
	/* The used index must be visible before the flag is read, or an
	 * interrupt the driver just re-enabled could be missed (§2.7.10). */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return !(__atomic_load_n(&vq->avail->flags, __ATOMIC_RELAXED) &
		 VIRTQ_AVAIL_F_NO_INTERRUPT);
}
