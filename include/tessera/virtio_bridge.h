/* The virtio bridge page: one 4 KiB page of zone0's RAM, shared by the
 * hypervisor (which forwards zones' accesses to their VIRTIO windows) and
 * the virtio daemon in zone0 (which answers them). The layout is hvisor's,
 * so its daemon and ours are interchangeable; every offset is pinned below.
 *
 * Requests: the hypervisor produces at req_rear, the daemon consumes at
 * req_front. Responses (completed I/O whose interrupt the hypervisor must
 * inject): the daemon produces at res_rear, the hypervisor consumes at
 * res_front when zone0 makes HC_VIRTIO_INJECT_IRQ. A synchronous request
 * (need_interrupt 0) is answered in cfg_values[src_cpu], then
 * cfg_flags[src_cpu] is bumped. QueueNotify writes are posted
 * (need_interrupt 1): the vCPU goes on without an answer, and its next access
 * waits behind them, the ring being served in order. InterruptACK writes are
 * posted too while the daemon sets takes_posted_ack. Shared by hypervisor,
 * kernel module and tools. */
#ifndef TESSERA_VIRTIO_BRIDGE_H
#define TESSERA_VIRTIO_BRIDGE_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
#endif

#define VIRTIO_BRIDGE_MAX_REQ   32
#define VIRTIO_BRIDGE_MAX_DEVS  8
#define VIRTIO_BRIDGE_MAX_CPUS  32
#define VIRTIO_BRIDGE_PAGE_SIZE 4096

/* virtio-mmio registers the bridge gives a meaning of its own. */
#define VIRTIO_MMIO_QUEUE_NOTIFY  0x050
#define VIRTIO_MMIO_INTERRUPT_ACK 0x064
#define VIRTIO_MMIO_STATUS        0x070

struct virtio_bridge_request {
	uint64_t src_cpu;       /* physical CPU waiting for the answer */
	uint64_t address;       /* guest-physical address in the zone */
	uint64_t size;          /* 1, 2, 4 or 8 bytes */
	uint64_t value;         /* written value (writes) */
	uint32_t src_zone;
	uint8_t is_write;
	/* 1: the vCPU did not wait (QueueNotify, InterruptACK): no cfg_values
	 * answer is expected. */
	uint8_t need_interrupt;
	/* tessera's own, in bytes hvisor leaves zero and its daemon ignores. */
	uint16_t flags;
};

/* flags: the reset the hypervisor sends to each device of a zone that
 * stopped (each device the zone reached, at the address the daemon names
 * it by), answered once the daemon no longer touches the zone's RAM. */
#define VIRTIO_BRIDGE_ZONE_STOPPED 1

struct virtio_bridge_response {
	uint32_t target_zone;
	uint32_t irq_id;
};

struct virtio_bridge {
	uint32_t req_front;
	uint32_t req_rear;
	uint32_t res_front;
	uint32_t res_rear;
	struct virtio_bridge_request req_list[VIRTIO_BRIDGE_MAX_REQ];
	struct virtio_bridge_response res_list[VIRTIO_BRIDGE_MAX_REQ];
	uint64_t cfg_flags[VIRTIO_BRIDGE_MAX_CPUS];
	uint64_t cfg_values[VIRTIO_BRIDGE_MAX_CPUS];
	uint64_t mmio_addrs[VIRTIO_BRIDGE_MAX_DEVS];
	uint8_t mmio_avail;
	uint8_t need_wakeup;
	/* tessera's own, in a byte hvisor leaves zero (the module clears the
	 * page at each daemon start). 1: the daemon keeps an interrupt cause
	 * it raised after the driver's InterruptStatus read through the
	 * InterruptACK that follows, so that write need not be waited for.
	 * hvisor's daemon leaves it 0 and is waited for, as on hvisor. */
	uint8_t takes_posted_ack;
	/* tessera's own, in a byte hvisor leaves zero. 1: the daemon answers
	 * a reset flagged VIRTIO_BRIDGE_ZONE_STOPPED only once nothing of it
	 * touches the zone's RAM any more, and a stop waits for that answer.
	 * hvisor's daemon leaves it 0: a stop then posts its resets and waits
	 * only until the daemon has taken them. */
	uint8_t confirms_stop;
};

static inline uint32_t virtio_bridge_next(uint32_t index)
{
	return (index + 1) & (VIRTIO_BRIDGE_MAX_REQ - 1);
}

static inline int virtio_bridge_ring_full(uint32_t front, uint32_t rear)
{
	return virtio_bridge_next(rear) == front;
}

#ifndef __KERNEL__
#include <stddef.h>
_Static_assert(sizeof(struct virtio_bridge_request) == 40, "request entry");
_Static_assert(offsetof(struct virtio_bridge, req_list) == 16, "req_list");
_Static_assert(offsetof(struct virtio_bridge, res_list) == 1296, "res_list");
_Static_assert(offsetof(struct virtio_bridge, cfg_flags) == 1552, "cfg_flags");
_Static_assert(offsetof(struct virtio_bridge, cfg_values) == 1808, "cfg_values");
_Static_assert(offsetof(struct virtio_bridge, mmio_addrs) == 2064, "mmio_addrs");
_Static_assert(offsetof(struct virtio_bridge, mmio_avail) == 2128, "mmio_avail");
_Static_assert(offsetof(struct virtio_bridge, need_wakeup) == 2129, "need_wakeup");
_Static_assert(offsetof(struct virtio_bridge, takes_posted_ack) == 2130, "takes_posted_ack");
_Static_assert(offsetof(struct virtio_bridge, confirms_stop) == 2131, "confirms_stop");
_Static_assert(sizeof(struct virtio_bridge) <= VIRTIO_BRIDGE_PAGE_SIZE, "one page");
#endif

#endif
