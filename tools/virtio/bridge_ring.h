/* The daemon's side of the bridge page's two rings (hvisor-compat §4): it
 * consumes requests the hypervisor produced, answers the synchronous ones
 * in cfg_values/cfg_flags, and produces responses (interrupts to inject).
 * Only memory accesses here; the ioctls are the caller's. */
#ifndef BRIDGE_RING_H
#define BRIDGE_RING_H

#include <stdbool.h>
#include <stdint.h>
#include <tessera/virtio_bridge.h>

/* Takes the oldest request into *request; false if there is none. */
bool bridge_ring_take_request(struct virtio_bridge *bridge,
			      struct virtio_bridge_request *request);

/* Queues "inject irq into zone"; false if the ring is full (the hypervisor
 * empties it when zone0 asks it to, with HVISOR_FINISH_REQ). */
bool bridge_ring_push_response(struct virtio_bridge *bridge, uint32_t zone_id, uint32_t irq);

/* Releases the vCPU waiting on physical CPU `cpu` (< VIRTIO_BRIDGE_MAX_CPUS)
 * with `value`. */
void bridge_ring_answer(struct virtio_bridge *bridge, unsigned cpu, uint64_t value);

/* Asks the hypervisor for a wake-up interrupt with the next request; true
 * if the ring is still empty afterwards, so the caller may sleep. A request
 * that arrived meanwhile is never missed: either it is seen here or the
 * hypervisor sees need_wakeup (both sides fence between their store and
 * their load). */
bool bridge_ring_prepare_to_sleep(struct virtio_bridge *bridge);

/* No more wake-up interrupts: the daemon is draining the ring anyway. */
void bridge_ring_awake(struct virtio_bridge *bridge);

#endif
