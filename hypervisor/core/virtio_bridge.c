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
#include "zone.h"

#define ANSWER_TIMEOUT_NS      1000000000ULL
#define RESET_TIMEOUT_NS       100000000ULL
#define RING_MASK              (VIRTIO_BRIDGE_MAX_REQ - 1)
#define FIRST_SPI              32

_Static_assert(MAX_CPUS <= VIRTIO_BRIDGE_MAX_CPUS, "a cfg answer slot per CPU");

static struct virtio_bridge *bridge;
static uint64_t bridge_pa;
static spinlock_t request_lock = SPINLOCK_INIT;
static spinlock_t completion_lock = SPINLOCK_INIT;
static uint32_t next_request;
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
	next_request = 0;
	next_completion = 0;
	for (unsigned cpu = 0; cpu < MAX_CPUS; cpu++)
		answers_expected[cpu] = 0;
	bridge_pa = (uint64_t)(uintptr_t)page;
	__atomic_store_n(&bridge, page, __ATOMIC_RELEASE);
	spin_unlock(&completion_lock);
	spin_unlock(&request_lock);
	if (!zone_owns_interrupt(caller->zone, VIRTIO_BRIDGE_WAKEUP_INTID))
		log_warn("virtio: zone0 does not own INTID %u, so a sleeping daemon is never "
			 "woken", VIRTIO_BRIDGE_WAKEUP_INTID);
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
		arch_interrupt_raise(VIRTIO_BRIDGE_WAKEUP_INTID);
}

/* False when the ring is full. With `answer_flag`, the request is
 * synchronous: *answer_flag receives the value of cfg_flags[cpu] that
 * announces its answer. */
static bool push_request(struct virtio_bridge *b, const struct virtio_bridge_request *request,
			 uint64_t *answer_flag)
{
	uint32_t front;

	spin_lock(&request_lock);
	front = __atomic_load_n(&b->req_front, __ATOMIC_ACQUIRE) & RING_MASK;
	if (virtio_bridge_ring_full(front, next_request)) {
		spin_unlock(&request_lock);
		return false;
	}
	b->req_list[next_request] = *request;
	next_request = virtio_bridge_next(next_request);
	if (answer_flag)
		*answer_flag = ++answers_expected[request->src_cpu];
	__atomic_store_n(&b->req_rear, next_request, __ATOMIC_RELEASE);
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
				const struct virtio_bridge_request *request, uint64_t *answer_flag,
				const struct zone *waiter, uint64_t deadline)
{
	while (!push_request(b, request, answer_flag)) {
		if (give_up(waiter, deadline))
			return false;
		arch_cpu_relax();
	}
	return true;
}

static bool wait_for_answer(struct virtio_bridge *b, const struct vcpu *vcpu, uint64_t flag,
			    uint64_t deadline, uint64_t *value)
{
	while ((int64_t)(__atomic_load_n(&b->cfg_flags[vcpu->cpu], __ATOMIC_ACQUIRE) - flag) < 0) {
		if (give_up(vcpu->zone, deadline))
			return false;
		arch_cpu_relax();
	}
	*value = __atomic_load_n(&b->cfg_values[vcpu->cpu], __ATOMIC_RELAXED);
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
		log_guest_warn("zone %u: virtio %s at 0x%lx with no daemon in zone0: all-ones",
			       vcpu->zone->id, a->is_write ? "write" : "read",
			       (unsigned long)a->addr);
		a->value = size_mask(a->size);
		return true;
	}
	deadline = arch_time_ns() + ANSWER_TIMEOUT_NS;
	if (push_request_within(b, &request, posted ? NULL : &flag, vcpu->zone, deadline) &&
	    (posted || wait_for_answer(b, vcpu, flag, deadline, &a->value))) {
		a->value &= size_mask(a->size);
		return true;
	}
	if (!zone_is_stopping(vcpu->zone))
		log_guest_warn("zone %u vcpu %u: virtio daemon did not take the %s of 0x%lx within "
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

static void push_reset(struct virtio_bridge *b, const struct zone *zone, uint64_t window)
{
	struct virtio_bridge_request reset = {
		.src_cpu = arch_cpu_id(),
		.address = window + VIRTIO_MMIO_STATUS,
		.size = 4,
		.src_zone = zone->id,
		.is_write = 1,
		.need_interrupt = 1,
	};

	if (!push_request_within(b, &reset, NULL, NULL, arch_time_ns() + RESET_TIMEOUT_NS))
		log_warn("virtio: zone %u stopped, but the request ring stayed full: the daemon "
			 "was not told to reset 0x%lx", zone->id, (unsigned long)window);
}

void virtio_bridge_zone_stopped(struct zone *zone)
{
	const struct zone_config *c = &zone->config;
	struct virtio_bridge *b = current_bridge();

	for (uint32_t i = 0; b && i < c->num_memory_regions; i++)
		if (c->memory_regions[i].type == MEM_TYPE_VIRTIO)
			push_reset(b, zone, c->memory_regions[i].virtual_start);
}

static void raise_completion(struct virtio_bridge_response done)
{
	struct zone *zone = zone_running_by_id(done.target_zone);

	if (!zone || zone == zone_root() || !zone->shares_ram_with_root ||
	    done.irq_id < FIRST_SPI || !zone_owns_interrupt(zone, done.irq_id)) {
		log_guest_warn("virtio: completion for zone %u, INTID %u dropped: no running zone "
			       "with virtio devices receives it", done.target_zone, done.irq_id);
		return;
	}
	arch_interrupt_raise(done.irq_id);
}

int64_t virtio_bridge_complete(void)
{
	struct virtio_bridge *b = current_bridge();
	int64_t raised = 0;
	uint32_t rear;

	if (!b)
		return -HV_ENODEV;
	spin_lock(&completion_lock);
	rear = __atomic_load_n(&b->res_rear, __ATOMIC_ACQUIRE) & RING_MASK;
	while (next_completion != rear) {
		struct virtio_bridge_response done = b->res_list[next_completion];
		raise_completion(done);
		next_completion = virtio_bridge_next(next_completion);
		raised++;
	}
	__atomic_store_n(&b->res_front, next_completion, __ATOMIC_RELEASE);
	spin_unlock(&completion_lock);
	return raised;
}
