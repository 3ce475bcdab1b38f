/* The virtio trampoline (hvisor's design): a zone's VIRTIO windows are not
 * mapped, so each access traps here and becomes a request on the bridge
 * page, a page of zone0's RAM that zone0's virtio daemon serves.
 *
 * The bridge page is written by zone0, so nothing read from it is trusted:
 * indices are masked, the hypervisor keeps its own producer and consumer
 * positions, and a completion names an interrupt only its zone may receive.
 * A vCPU never waits with a lock held, and its waits (for room in the
 * request ring, for the answer) are bounded and end as soon as its zone
 * stops: a daemon that is slow, stuck or gone costs the zone time, never a
 * CPU. */
#include "virtio_bridge.h"

#include <tessera/hypercall.h>
#include <tessera/virtio_bridge.h>

#include "arch.h"
#include "guest_memory.h"
#include "log.h"
#include "spinlock.h"
#include "util.h"
#include "vcpu.h"
#include "virtio_ring_share.h"
#include "zone.h"

#define ANSWER_TIMEOUT_NS      1000000000ULL
#define STOP_CONFIRM_TIMEOUT_NS 1000000000ULL
#define RING_MASK              (VIRTIO_BRIDGE_MAX_REQ - 1)

_Static_assert(MAX_CPUS <= VIRTIO_BRIDGE_MAX_CPUS, "a cfg answer slot per CPU");

static struct virtio_bridge *bridge;
static uint64_t bridge_pa;
static spinlock_t request_lock = SPINLOCK_INIT;
static spinlock_t completion_lock = SPINLOCK_INIT;
/* Under request_lock; its `next` is the hypervisor's own producer index. */
static struct virtio_ring_share ring_share;
static uint32_t next_completion;
/* What cfg_flags[cpu] reads once every synchronous request this CPU made
 * is answered: a late answer to a request that timed out is not taken for
 * the answer to the next one. */
static uint64_t answers_expected[MAX_CPUS];

static struct virtio_bridge *current_bridge(void)
{
	return __atomic_load_n(&bridge, __ATOMIC_ACQUIRE);
}

int64_t virtio_bridge_register(struct vcpu *caller, uint64_t page_ipa)
{
	struct virtio_bridge *page = guest_ram_page(caller->zone, page_ipa);

	if (!page) {
		log_error("virtio: bridge page 0x%lx is not a page of zone0's RAM",
			  (unsigned long)page_ipa);
		return -HV_EFAULT;
	}
	spin_lock(&request_lock);
	spin_lock(&completion_lock);
	virtio_ring_share_init(&ring_share);
	next_completion = 0;
	for (unsigned cpu = 0; cpu < MAX_CPUS; cpu++)
		answers_expected[cpu] = 0;
	bridge_pa = (uint64_t)(uintptr_t)page;
	__atomic_store_n(&bridge, page, __ATOMIC_RELEASE);
	spin_unlock(&completion_lock);
	spin_unlock(&request_lock);
	if (!zone_owns_interrupt(caller->zone, platform.virtio_wakeup_interrupt))
		log_warn("virtio: zone0 does not own interrupt %u, so a sleeping daemon is never "
			 "woken", platform.virtio_wakeup_interrupt);
	log_info("virtio: bridge page at 0x%lx, daemon registered", (unsigned long)page_ipa);
	return 0;
}

bool virtio_bridge_in_range(uint64_t pa, uint64_t size)
{
	return current_bridge() && range_contains(pa, size, bridge_pa, PAGE_SIZE);
}

/* The store of req_rear and the load of need_wakeup are ordered, as the
 * daemon orders its store of need_wakeup and its load of req_rear: one of
 * the two sides always sees the other. */
static void wake_daemon(struct virtio_bridge *b)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (__atomic_load_n(&b->need_wakeup, __ATOMIC_RELAXED))
		arch_interrupt_raise(platform.virtio_wakeup_interrupt);
}

/* False when the ring is full, or holds the zone's share already.
 * `zone` is the requesting zone's slot, or VIRTIO_RING_HYPERVISOR for the
 * resets of a stop, which may use the entries the zones leave free. With
 * `answer_flag`, the request is synchronous: *answer_flag receives the
 * value of cfg_flags[cpu] that announces its answer. */
static bool push_request(struct virtio_bridge *b, const struct virtio_bridge_request *request,
			 unsigned zone, uint64_t *answer_flag)
{
	uint32_t front, slot;

	spin_lock(&request_lock);
	front = __atomic_load_n(&b->req_front, __ATOMIC_ACQUIRE) & RING_MASK;
	virtio_ring_share_retire(&ring_share, front);
	slot = ring_share.next;
	if (virtio_bridge_ring_full(front, slot) ||
	    (zone != VIRTIO_RING_HYPERVISOR && !virtio_ring_share_admits(&ring_share, zone))) {
		spin_unlock(&request_lock);
		return false;
	}
	b->req_list[slot] = *request;
	virtio_ring_share_take(&ring_share, zone);
	if (answer_flag)
		*answer_flag = ++answers_expected[request->src_cpu];
	__atomic_store_n(&b->req_rear, ring_share.next, __ATOMIC_RELEASE);
	spin_unlock(&request_lock);
	wake_daemon(b);
	return true;
}

static bool give_up(const struct zone *zone, uint64_t deadline)
{
	return (zone && zone_is_stopping(zone)) || arch_time_ns() > deadline;
}

/* `waiter` is the zone whose stop ends the wait, if any. */
static bool push_request_within(struct virtio_bridge *b,
				const struct virtio_bridge_request *request, unsigned zone,
				uint64_t *answer_flag, const struct zone *waiter, uint64_t deadline)
{
	while (!push_request(b, request, zone, answer_flag)) {
		if (give_up(waiter, deadline))
			return false;
		arch_cpu_relax();
	}
	return true;
}

static bool wait_for_answer(struct virtio_bridge *b, unsigned cpu, uint64_t flag,
			    const struct zone *waiter, uint64_t deadline, uint64_t *value)
{
	while ((int64_t)(__atomic_load_n(&b->cfg_flags[cpu], __ATOMIC_ACQUIRE) - flag) < 0) {
		if (give_up(waiter, deadline))
			return false;
		arch_cpu_relax();
	}
	*value = __atomic_load_n(&b->cfg_values[cpu], __ATOMIC_RELAXED);
	return true;
}

static uint64_t size_mask(unsigned size)
{
	return size == 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
}

/* Writes the vCPU need not wait for: QueueNotify, and InterruptACK, which a
 * driver writes on every interrupt after reading InterruptStatus, when the
 * daemon says it copes (takes_posted_ack); not waiting saves a wake-up of
 * the daemon per interrupt. The daemon serves the ring in order, so the
 * vCPU's next access still finds them done. */
static bool is_posted(const struct virtio_bridge *b, const struct mmio_access *a,
		      uint64_t window)
{
	uint64_t offset = a->addr - window;

	if (!a->is_write)
		return false;
	return offset == VIRTIO_MMIO_QUEUE_NOTIFY ||
	       (offset == VIRTIO_MMIO_INTERRUPT_ACK &&
		__atomic_load_n(&b->takes_posted_ack, __ATOMIC_RELAXED));
}

static bool forward_access(struct vcpu *vcpu, struct mmio_access *a, void *opaque)
{
	struct virtio_bridge *b = current_bridge();
	bool posted = b && is_posted(b, a, (uint64_t)(uintptr_t)opaque);
	struct virtio_bridge_request request = {
		.src_cpu = vcpu->cpu,
		.address = a->addr,
		.size = a->size,
		.value = a->is_write ? a->value : 0,
		.src_zone = vcpu->zone->id,
		.is_write = a->is_write,
		.need_interrupt = posted,
	};
	uint64_t flag = 0, deadline;

	if (!b) {
		log_guest_warn(vcpu->zone,
			       "zone %u: virtio %s at 0x%lx with no daemon in zone0: all-ones",
			       vcpu->zone->id, a->is_write ? "write" : "read",
			       (unsigned long)a->addr);
		a->value = size_mask(a->size);
		return true;
	}
	deadline = arch_time_ns() + ANSWER_TIMEOUT_NS;
	if (push_request_within(b, &request, zone_slot(vcpu->zone), posted ? NULL : &flag,
				vcpu->zone, deadline) &&
	    (posted || wait_for_answer(b, vcpu->cpu, flag, vcpu->zone, deadline, &a->value))) {
		a->value &= size_mask(a->size);
		return true;
	}
	if (!zone_is_stopping(vcpu->zone))
		log_guest_warn(vcpu->zone,
			       "zone %u vcpu %u: virtio daemon did not take the %s of 0x%lx within "
			       "%llu ms: all-ones",
			       vcpu->zone->id, vcpu->index, a->is_write ? "write" : "read",
			       (unsigned long)a->addr, ANSWER_TIMEOUT_NS / 1000000);
	a->value = size_mask(a->size);
	return true;
}

int virtio_bridge_attach(struct zone *zone)
{
	const struct zone_config *c = &zone->config;

	for (uint32_t i = 0; i < c->num_memory_regions; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		if (r->type != MEM_TYPE_VIRTIO)
			continue;
		if (mmio_register(zone, r->virtual_start, r->size, forward_access,
				  (void *)(uintptr_t)r->virtual_start)) {
			log_error("zone %u: too many VIRTIO windows (memory_regions[%u]), at most "
				  "%u emulated devices per zone", zone->id, i, MAX_MMIO_HANDLERS);
			return -HV_ENOMEM;
		}
	}
	return 0;
}

/* Synchronous, from the stopping zone's last CPU, whose answer slot no
 * vCPU uses now: the daemon serves the ring in order, so the answer to the
 * last reset says it has dropped every queue of the zone (and ours has
 * unmapped the zone's RAM) before the RAM is cleared and handed on. */
static bool push_reset(struct virtio_bridge *b, const struct zone *zone, uint64_t window,
		       uint64_t deadline, uint64_t *answer_flag)
{
	struct virtio_bridge_request reset = {
		.src_cpu = arch_cpu_id(),
		.address = window + VIRTIO_MMIO_STATUS,
		.size = 4,
		.src_zone = zone->id,
		.is_write = 1,
		.flags = VIRTIO_BRIDGE_ZONE_STOPPED,
	};

	return push_request_within(b, &reset, VIRTIO_RING_HYPERVISOR, answer_flag, NULL, deadline);
}

void virtio_bridge_zone_stopped(struct zone *zone)
{
	const struct zone_config *c = &zone->config;
	struct virtio_bridge *b = current_bridge();
	uint64_t deadline = arch_time_ns() + STOP_CONFIRM_TIMEOUT_NS;
	uint64_t flag = 0, ignored;
	bool sent = true, any = false;

	for (uint32_t i = 0; b && sent && i < c->num_memory_regions; i++) {
		if (c->memory_regions[i].type != MEM_TYPE_VIRTIO)
			continue;
		any = true;
		sent = push_reset(b, zone, c->memory_regions[i].virtual_start, deadline, &flag);
	}
	if (!any)
		return;
	if (!sent || !wait_for_answer(b, arch_cpu_id(), flag, NULL, deadline, &ignored))
		log_error("virtio: the daemon did not confirm within %llu ms that it dropped zone "
			  "%u's devices; only a daemon that has unmapped the zone's RAM is safe now",
			  STOP_CONFIRM_TIMEOUT_NS / 1000000, zone->id);
}

static void raise_completion(struct virtio_bridge_response done)
{
	struct zone *zone = zone_running_by_id(done.target_zone);

	if (!zone || zone == zone_root() || !zone->shares_ram_with_root ||
	    !zone_owns_interrupt(zone, done.irq_id)) {
		log_guest_warn(zone_root(),
			       "virtio: completion for zone %u, interrupt %u dropped: no running zone "
			       "with virtio devices receives it", done.target_zone, done.irq_id);
		return;
	}
	arch_interrupt_raise(done.irq_id);
}

int64_t virtio_bridge_complete(void)
{
	struct virtio_bridge *b = current_bridge();
	uint32_t rear;

	if (!b)
		return -HV_ENODEV;
	spin_lock(&completion_lock);
	rear = __atomic_load_n(&b->res_rear, __ATOMIC_ACQUIRE) & RING_MASK;
	while (next_completion != rear) {
		struct virtio_bridge_response done = b->res_list[next_completion];
		raise_completion(done);
		next_completion = virtio_bridge_next(next_completion);
	}
	__atomic_store_n(&b->res_front, next_completion, __ATOMIC_RELEASE);
	spin_unlock(&completion_lock);
	return 0;
}
