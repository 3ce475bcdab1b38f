/* A virtio daemon that treats the hypervisor as hvisor-tool v0.5's daemon
 * does, for the system tests (hvisor-tool itself is not part of this
 * repository): it names its devices in the bridge's mmio_addrs, takes no
 * posted InterruptACK and confirms no stop, answers every synchronous
 * request, takes a request off the ring only once it has served it, and
 * exits at the first request for an address where it has no device, as
 * hvisor's daemon dies of one. The devices are tessera's (tools/virtio);
 * TAP and PTY input is not served. A device reset (Status 0) drops the
 * zone's RAM mapping once all of the zone's devices are reset, so that a
 * zone started again is mapped afresh.
 *
 * Usage: hvisor-like-daemon <virtio.json>; in the foreground, "serving" on
 * stdout once ready, errors on stderr. */
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bridge_ring.h"
#include "daemon_log.h"
#include "hvisor_virtio.h"
#include "virtio_config.h"
#include "virtio_zones.h"

static void name_devices(struct virtio_bridge *b, const struct virtio_zones *zones)
{
	unsigned named = 0;

	__atomic_store_n(&b->takes_posted_ack, 0, __ATOMIC_RELEASE);
	__atomic_store_n(&b->confirms_stop, 0, __ATOMIC_RELEASE);
	for (unsigned z = 0; z < zones->num_zones; z++)
		for (unsigned d = 0; d < zones->zones[z].num_devices; d++)
			if (named < VIRTIO_BRIDGE_MAX_DEVS)
				b->mmio_addrs[named++] = zones->zones[z].devices[d]->base;
	__atomic_store_n(&b->mmio_avail, 1, __ATOMIC_RELEASE);
}

static bool all_reset(const struct virtio_zone *zone)
{
	for (unsigned d = 0; d < zone->num_devices; d++)
		if (zone->devices[d]->status)
			return false;
	return true;
}

static void serve(struct hvisor_virtio *hv, struct virtio_zones *zones,
		  const struct virtio_bridge_request *r)
{
	struct virtio_zone *zone = virtio_zones_find(zones, r->src_zone);
	struct virtio_mmio_device *dev = zone ? virtio_zone_device_at(zone, r->address) : NULL;
	uint64_t value = 0;

	if (!dev) {
		fprintf(stderr, "hvisor-like daemon: zone %" PRIu32 ": request for 0x%" PRIx64
			", where no device is: exiting, as hvisor's daemon does\n",
			r->src_zone, r->address);
		exit(2);
	}
	uint64_t offset = r->address - dev->base;
	bool reset = r->is_write && offset == VIRTIO_MMIO_STATUS && r->value == 0;
	if (!zone->memory.mapped && !reset && zone_memory_map(&zone->memory, hv->fd))
		fprintf(stderr, "hvisor-like daemon: zone %" PRIu32 ": cannot map its RAM\n",
			r->src_zone);
	if (r->is_write)
		virtio_mmio_write(dev, offset, (unsigned)r->size, r->value);
	else
		value = virtio_mmio_read(dev, offset, (unsigned)r->size);
	if (reset && zone->memory.mapped && all_reset(zone))
		zone_memory_unmap(&zone->memory);
	if (!r->need_interrupt && r->src_cpu < VIRTIO_BRIDGE_MAX_CPUS)
		bridge_ring_answer(hv->bridge, (unsigned)r->src_cpu, value);
}

static void drain(struct hvisor_virtio *hv, struct virtio_zones *zones)
{
	struct virtio_bridge *b = hv->bridge;
	uint32_t front = __atomic_load_n(&b->req_front, __ATOMIC_RELAXED);

	while (front != __atomic_load_n(&b->req_rear, __ATOMIC_ACQUIRE)) {
		struct virtio_bridge_request r = b->req_list[front & (VIRTIO_BRIDGE_MAX_REQ - 1)];
		serve(hv, zones, &r);
		front = virtio_bridge_next(front);
		__atomic_store_n(&b->req_front, front, __ATOMIC_RELEASE);
	}
	hvisor_virtio_flush_irqs(hv);
}

int main(int argc, char **argv)
{
	static struct virtio_config config;
	static struct virtio_zones zones;
	struct hvisor_virtio hv;
	struct message m = { "" };

	if (argc != 2) {
		fprintf(stderr, "usage: hvisor-like-daemon <virtio.json>\n");
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);
	log_setup(stderr, LOG_LEVEL_WARN);
	if (virtio_config_load(argv[1], &config, &m) ||
	    virtio_zones_open(&zones, &config, &hv.irqs, &m) || hvisor_virtio_open(&hv, &m)) {
		message_print(&m);
		return 1;
	}
	name_devices(hv.bridge, &zones);
	printf("serving\n");
	fflush(stdout);
	for (;;) {
		struct pollfd wake = { .fd = hv.event_fd, .events = POLLIN };
		uint64_t count;

		drain(&hv, &zones);
		if (bridge_ring_prepare_to_sleep(hv.bridge) && poll(&wake, 1, -1) > 0) {
			/* The count only says a wake-up came. */
			ssize_t ignored = read(hv.event_fd, &count, sizeof(count));
			(void)ignored;
		}
		bridge_ring_awake(hv.bridge);
	}
}
