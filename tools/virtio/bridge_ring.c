#include "bridge_ring.h"

#define RING_MASK (VIRTIO_BRIDGE_MAX_REQ - 1)

/* Masked, so even a corrupt index cannot make the daemon read forever. */
static bool request_pending(const struct virtio_bridge *bridge)
{
	uint32_t rear = __atomic_load_n(&bridge->req_rear, __ATOMIC_ACQUIRE);

	return (rear & RING_MASK) != (bridge->req_front & RING_MASK);
}

bool bridge_ring_take_request(struct virtio_bridge *bridge,
			      struct virtio_bridge_request *request)
{
	uint32_t front = bridge->req_front;

	if (!request_pending(bridge))
		return false;
	/* Copied field by field from the shared entry, so nothing is read twice. */
	const volatile struct virtio_bridge_request *entry = &bridge->req_list[front & RING_MASK];
	request->src_cpu = entry->src_cpu;
	request->address = entry->address;
	request->size = entry->size;
	request->value = entry->value;
	request->src_zone = entry->src_zone;
	request->is_write = entry->is_write;
	request->need_interrupt = entry->need_interrupt;
	request->flags = entry->flags;
	__atomic_store_n(&bridge->req_front, virtio_bridge_next(front), __ATOMIC_RELEASE);
	return true;
}

bool bridge_ring_push_response(struct virtio_bridge *bridge, uint32_t zone_id, uint32_t irq)
{
	uint32_t rear = bridge->res_rear;
	uint32_t front = __atomic_load_n(&bridge->res_front, __ATOMIC_ACQUIRE);

	if (virtio_bridge_ring_full(front, rear))
		return false;
	volatile struct virtio_bridge_response *entry = &bridge->res_list[rear & RING_MASK];
	entry->target_zone = zone_id;
	entry->irq_id = irq;
	__atomic_store_n(&bridge->res_rear, virtio_bridge_next(rear), __ATOMIC_RELEASE);
	return true;
}

void bridge_ring_answer(struct virtio_bridge *bridge, unsigned cpu, uint64_t value)
{
	uint64_t flag = __atomic_load_n(&bridge->cfg_flags[cpu], __ATOMIC_RELAXED);

	__atomic_store_n(&bridge->cfg_values[cpu], value, __ATOMIC_RELAXED);
	/* The vCPU reads the value once it sees the flag move. */
	__atomic_store_n(&bridge->cfg_flags[cpu], flag + 1, __ATOMIC_RELEASE);
}

bool bridge_ring_prepare_to_sleep(struct virtio_bridge *bridge)
{
	__atomic_store_n(&bridge->need_wakeup, 1, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (!request_pending(bridge))
		return true;
	bridge_ring_awake(bridge);
	return false;
}

void bridge_ring_awake(struct virtio_bridge *bridge)
{
	__atomic_store_n(&bridge->need_wakeup, 0, __ATOMIC_RELAXED);
}
