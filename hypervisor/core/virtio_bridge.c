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
 * CPU, and once a request of it is overdue it is taken for gone (zones'
 * accesses then fail at once) until it takes a request again. A daemon
 * that closes /dev/hvisor is dropped by zone0's module (HC_VIRTIO_EXIT).
 *
 * No request ever goes where the daemon has no device: hvisor's daemon
 * dies of one. So a zone's accesses are remembered by device (the address
 * the daemon names the device by, or the VIRTIO window if it names none),
 * and a stop resets only those. */
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
/* A virtio-mmio device's window, in hvisor's configs and tessera's. */
#define DEVICE_WINDOW_SIZE     0x200

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
/* Under request_lock: per zone slot, the devices its accesses reached. */
static uint64_t devices_reached[MAX_ZONES][VIRTIO_BRIDGE_MAX_DEVS];
static unsigned num_devices_reached[MAX_ZONES];
/* Under request_lock: a request was overdue while req_front read
 * stalled_front; the daemon is taken for gone until that changes. */
static bool daemon_stalled;
static uint32_t stalled_front;

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
	/* A new daemon holds no queue of any zone yet. */
	for (unsigned slot = 0; slot < MAX_ZONES; slot++)
		num_devices_reached[slot] = 0;
	daemon_stalled = false;
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

int64_t virtio_bridge_unregister(struct vcpu *caller, uint64_t page_ipa)
{
	struct virtio_bridge *page = guest_ram_page(caller->zone, page_ipa);
	bool dropped;

	spin_lock(&request_lock);
	spin_lock(&completion_lock);
	dropped = page && page == current_bridge();
	if (dropped)
		__atomic_store_n(&bridge, NULL, __ATOMIC_RELEASE);
	spin_unlock(&completion_lock);
	spin_unlock(&request_lock);
	if (!dropped)
		return -HV_ENODEV;
	log_info("virtio: the daemon closed /dev/hvisor: bridge page dropped; zones' virtio "
		 "accesses read all-ones until a daemon registers");
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

/* One request to post. `zone` is the requesting zone's slot, or
 * VIRTIO_RING_HYPERVISOR for the resets of a stop, which may use the
 * entries the zones leave free; `device` is what a zone's access reaches
 * (0: nothing to remember). With `answer_flag`, the request is
 * synchronous: *answer_flag receives the value of cfg_flags[cpu] that
 * announces its answer. `end` receives the ring index after it. */
struct push {
	const struct virtio_bridge_request *request;
	unsigned zone;
	uint64_t device;
	uint64_t *answer_flag;
	uint32_t end;
};

/* Under request_lock. */
static void remember_device(unsigned slot, uint64_t device)
{
	uint64_t *reached = devices_reached[slot];
	unsigned n = num_devices_reached[slot];

	for (unsigned i = 0; i < n; i++)
		if (reached[i] == device)
			return;
	if (n < VIRTIO_BRIDGE_MAX_DEVS) {
		reached[n] = device;
		num_devices_reached[slot] = n + 1;
	}
}

/* False when the ring is full, or holds the zone's share already. */
static bool push_request(struct virtio_bridge *b, struct push *p)
{
	uint32_t front, slot;

	spin_lock(&request_lock);
	front = __atomic_load_n(&b->req_front, __ATOMIC_ACQUIRE) & RING_MASK;
	virtio_ring_share_retire(&ring_share, front);
	slot = ring_share.next;
	if (virtio_bridge_ring_full(front, slot) ||
	    (p->zone != VIRTIO_RING_HYPERVISOR && !virtio_ring_share_admits(&ring_share, p->zone))) {
		spin_unlock(&request_lock);
		return false;
	}
	b->req_list[slot] = *p->request;
	virtio_ring_share_take(&ring_share, p->zone);
	if (p->answer_flag)
		*p->answer_flag = ++answers_expected[p->request->src_cpu];
	if (p->device && p->zone != VIRTIO_RING_HYPERVISOR)
		remember_device(p->zone, p->device);
	p->end = ring_share.next;
	__atomic_store_n(&b->req_rear, ring_share.next, __ATOMIC_RELEASE);
	spin_unlock(&request_lock);
	wake_daemon(b);
	return true;
}

/* A wait ends too when the bridge it waits on is dropped or replaced. */
static bool give_up(const struct virtio_bridge *b, const struct zone *zone, uint64_t deadline)
{
	return current_bridge() != b || (zone && zone_is_stopping(zone)) ||
	       arch_time_ns() > deadline;
}

/* `waiter` is the zone whose stop ends the wait, if any. */
static bool push_request_within(struct virtio_bridge *b, struct push *p,
				const struct zone *waiter, uint64_t deadline)
{
	while (!push_request(b, p)) {
		if (give_up(b, waiter, deadline))
			return false;
		arch_cpu_relax();
	}
	return true;
}

/* Whether the daemon has taken every request before ring index `end`. */
static bool taken_up_to(struct virtio_bridge *b, uint32_t end)
{
	bool taken;

	spin_lock(&request_lock);
	uint32_t front = __atomic_load_n(&b->req_front, __ATOMIC_ACQUIRE) & RING_MASK;
	virtio_ring_share_retire(&ring_share, front);
	taken = ((ring_share.next - front) & RING_MASK) <= ((ring_share.next - end) & RING_MASK);
	spin_unlock(&request_lock);
	return taken;
}

static void mark_stalled(struct virtio_bridge *b)
{
	bool newly;

	spin_lock(&request_lock);
	newly = !daemon_stalled;
	daemon_stalled = true;
	stalled_front = __atomic_load_n(&b->req_front, __ATOMIC_ACQUIRE) & RING_MASK;
	spin_unlock(&request_lock);
	if (newly)
		log_error("virtio: a request to the daemon is overdue: it is taken for gone, and "
			  "zones' virtio accesses read all-ones at once until it takes a request "
			  "again or a daemon registers");
}

/* Whether the daemon is still taken for gone: it has taken nothing since,
 * and something is left for it to take. */
static bool daemon_gone(struct virtio_bridge *b)
{
	bool gone, back;

	spin_lock(&request_lock);
	uint32_t front = __atomic_load_n(&b->req_front, __ATOMIC_ACQUIRE) & RING_MASK;
	back = daemon_stalled && (front != stalled_front || front == ring_share.next);
	if (back)
		daemon_stalled = false;
	gone = daemon_stalled;
	spin_unlock(&request_lock);
	if (back)
		log_info("virtio: the daemon takes requests again");
	return gone;
}

static bool wait_for_answer(struct virtio_bridge *b, unsigned cpu, uint64_t flag,
			    const struct zone *waiter, uint64_t deadline, uint64_t *value)
{
	while ((int64_t)(__atomic_load_n(&b->cfg_flags[cpu], __ATOMIC_ACQUIRE) - flag) < 0) {
		if (give_up(b, waiter, deadline))
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

/* Where a reset of the device an access reaches goes, or 0 if the daemon
 * has no device there: a daemon that names its devices (hvisor's, in
 * mmio_addrs) has them only at the named addresses; one that names none
 * (tessera's) has one per VIRTIO window, as tessera's configs have. */
static uint64_t device_of(const struct virtio_bridge *b, uint64_t addr, uint64_t window)
{
	if (!__atomic_load_n(&b->mmio_avail, __ATOMIC_ACQUIRE))
		return window;
	for (unsigned i = 0; i < VIRTIO_BRIDGE_MAX_DEVS; i++) {
		uint64_t base = __atomic_load_n(&b->mmio_addrs[i], __ATOMIC_RELAXED);
		if (base && addr - base < DEVICE_WINDOW_SIZE)
			return base;
	}
	return 0;
}

static bool all_ones(struct mmio_access *a)
{
	a->value = size_mask(a->size);
	return true;
}

static bool forward_access(struct vcpu *vcpu, struct mmio_access *a, void *opaque)
{
	struct virtio_bridge *b = current_bridge();
	uint64_t window = (uint64_t)(uintptr_t)opaque;
	bool posted = b && is_posted(b, a, window);
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

	if (!b || daemon_gone(b)) {
		log_guest_warn(vcpu->zone, "zone %u: virtio %s at 0x%lx with %s: all-ones",
			       vcpu->zone->id, a->is_write ? "write" : "read",
			       (unsigned long)a->addr,
			       b ? "zone0's daemon taken for gone" : "no daemon in zone0");
		return all_ones(a);
	}
	struct push p = {
		.request = &request,
		.zone = zone_slot(vcpu->zone),
		.device = device_of(b, a->addr, window),
		.answer_flag = posted ? NULL : &flag,
	};
	deadline = arch_time_ns() + ANSWER_TIMEOUT_NS;
	if (push_request_within(b, &p, vcpu->zone, deadline) &&
	    (posted || wait_for_answer(b, vcpu->cpu, flag, vcpu->zone, deadline, &a->value))) {
		a->value &= size_mask(a->size);
		return true;
	}
	if (!zone_is_stopping(vcpu->zone) && current_bridge() == b) {
		log_guest_warn(vcpu->zone,
			       "zone %u vcpu %u: virtio daemon did not take the %s of 0x%lx within "
			       "%llu ms: all-ones",
			       vcpu->zone->id, vcpu->index, a->is_write ? "write" : "read",
			       (unsigned long)a->addr, ANSWER_TIMEOUT_NS / 1000000);
		mark_stalled(b);
	}
	return all_ones(a);
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

/* Takes (and forgets) the devices the zone's accesses reached. */
static unsigned take_devices_reached(const struct zone *zone,
				     uint64_t devices[VIRTIO_BRIDGE_MAX_DEVS])
{
	unsigned slot = zone_slot(zone), n;

	spin_lock(&request_lock);
	n = num_devices_reached[slot];
	for (unsigned i = 0; i < n; i++)
		devices[i] = devices_reached[slot][i];
	num_devices_reached[slot] = 0;
	spin_unlock(&request_lock);
	return n;
}

/* A daemon that names its devices may have been replaced, or renamed them,
 * since the zone reached them. */
static bool still_named(const struct virtio_bridge *b, uint64_t device)
{
	return device_of(b, device, device) == device;
}

/* From the stopping zone's last CPU, whose answer slot no vCPU uses now.
 * With a daemon that confirms, each reset is synchronous and the answer
 * to the last says it has dropped every queue of the zone (and ours has
 * unmapped the zone's RAM) before the RAM is cleared and handed on: the
 * daemon serves the ring in order. With one that does not (hvisor's), the
 * resets are posted, and the stop waits until the daemon has taken them:
 * it has reset the devices then, since it takes a request once it served
 * it; what its other threads still do with the zone's queues is its own
 * affair, as on hvisor. */
static bool send_resets(struct virtio_bridge *b, const struct zone *zone,
			const uint64_t *devices, unsigned n, bool confirmed, uint64_t deadline)
{
	uint64_t flag = 0, ignored;
	struct virtio_bridge_request reset = {
		.src_cpu = arch_cpu_id(),
		.size = 4,
		.src_zone = zone->id,
		.is_write = 1,
		.need_interrupt = !confirmed,
		.flags = VIRTIO_BRIDGE_ZONE_STOPPED,
	};
	struct push p = {
		.request = &reset,
		.zone = VIRTIO_RING_HYPERVISOR,
		.answer_flag = confirmed ? &flag : NULL,
	};
	bool any = false;

	for (unsigned i = 0; i < n; i++) {
		if (!still_named(b, devices[i]))
			continue;
		reset.address = devices[i] + VIRTIO_MMIO_STATUS;
		if (!push_request_within(b, &p, NULL, deadline))
			return false;
		any = true;
	}
	if (!any)
		return true;
	if (confirmed)
		return wait_for_answer(b, arch_cpu_id(), flag, NULL, deadline, &ignored);
	while (!taken_up_to(b, p.end)) {
		if (give_up(b, NULL, deadline))
			return false;
		arch_cpu_relax();
	}
	return true;
}

void virtio_bridge_zone_stopped(struct zone *zone)
{
	uint64_t devices[VIRTIO_BRIDGE_MAX_DEVS];
	unsigned n = take_devices_reached(zone, devices);
	struct virtio_bridge *b = current_bridge();
	bool confirmed;

	if (!b || n == 0)
		return;
	if (daemon_gone(b)) {
		log_warn("virtio: zone %u's devices are not reset: zone0's daemon is taken for gone",
			 zone->id);
		return;
	}
	confirmed = __atomic_load_n(&b->confirms_stop, __ATOMIC_ACQUIRE);
	if (send_resets(b, zone, devices, n, confirmed,
			arch_time_ns() + STOP_CONFIRM_TIMEOUT_NS) ||
	    current_bridge() != b)
		return;
	if (confirmed)
		log_error("virtio: the daemon did not confirm within %llu ms that it dropped zone "
			  "%u's devices; only a daemon that has unmapped the zone's RAM is safe now",
			  STOP_CONFIRM_TIMEOUT_NS / 1000000, zone->id);
	else
		log_error("virtio: the daemon did not take zone %u's device resets within %llu ms",
			  zone->id, STOP_CONFIRM_TIMEOUT_NS / 1000000);
	mark_stalled(b);
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
