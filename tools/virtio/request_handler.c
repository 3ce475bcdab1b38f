#include "request_handler.h"

#include <inttypes.h>
#include <string.h>

#include "bridge_ring.h"
#include "daemon_log.h"

static struct log_limit bad_requests;

static bool valid_size(uint64_t size)
{
	return size == 1 || size == 2 || size == 4 || size == 8;
}

/* What a read of nothing returns on a bus: every bit set. */
static uint64_t all_ones(uint64_t size)
{
	return valid_size(size) && size < 8 ? (1ull << (8 * size)) - 1 : UINT64_MAX;
}

static void map_zone(struct virtio_zone *zone, int hvisor_fd)
{
	int err = zone_memory_map(&zone->memory, hvisor_fd);

	if (err)
		log_limited(&zone->map_errors, LOG_LEVEL_ERROR,
			    "zone %" PRIu32 ": cannot map its RAM through /dev/hvisor: %s; its devices get no queues",
			    zone->id, strerror(err));
	else
		log_info("zone %" PRIu32 ": RAM mapped", zone->id);
}

/* The zone's RAM is about to be cleared and may go to another zone. Its
 * first device's reset resets them all, since each ready queue points into
 * the mapping, and then unmaps it; the answer tells the hypervisor that
 * nothing here touches the RAM any more. A new start maps it again. */
static void forget_zone(struct virtio_zone *zone)
{
	if (!zone->memory.mapped)
		return;
	for (unsigned i = 0; i < zone->num_devices; i++)
		virtio_mmio_write(zone->devices[i], VIRTIO_MMIO_STATUS, 4, 0);
	zone_memory_unmap(&zone->memory);
	log_info("zone %" PRIu32 " stopped: its devices are reset and its RAM unmapped", zone->id);
}

void request_handle(struct virtio_zones *zones, struct virtio_bridge *bridge, int hvisor_fd,
		    const struct virtio_bridge_request *request)
{
	bool waits = !request->need_interrupt;
	unsigned size = (unsigned)request->size;

	if (waits && request->src_cpu >= VIRTIO_BRIDGE_MAX_CPUS) {
		log_limited(&bad_requests, LOG_LEVEL_WARN,
			    "request from zone %" PRIu32 " names CPU %" PRIu64 ", which cannot be answered",
			    request->src_zone, request->src_cpu);
		return;
	}
	struct virtio_zone *zone = virtio_zones_find(zones, request->src_zone);
	struct virtio_mmio_device *dev = zone ? virtio_zone_device_at(zone, request->address) : NULL;
	if (!dev || !valid_size(request->size)) {
		log_limited(&bad_requests, LOG_LEVEL_WARN,
			    "zone %" PRIu32 ": %" PRIu64 "-byte %s at 0x%" PRIx64 " refused: %s",
			    request->src_zone, request->size, request->is_write ? "write" : "read",
			    request->address,
			    dev ? "not 1, 2, 4 or 8 bytes" : "no device has a window there");
		if (waits)
			bridge_ring_answer(bridge, (unsigned)request->src_cpu,
					   request->is_write ? 0 : all_ones(request->size));
		return;
	}
	bool zone_stopped = request->flags & VIRTIO_BRIDGE_ZONE_STOPPED;
	if (waits && !zone->memory.mapped && !zone_stopped)
		map_zone(zone, hvisor_fd);
	uint64_t offset = request->address - dev->base;
	uint64_t value = 0;
	if (request->is_write)
		virtio_mmio_write(dev, offset, size, request->value);
	else
		value = virtio_mmio_read(dev, offset, size);
	log_debug("%s: %s 0x%03" PRIx64 " %s 0x%" PRIx64, dev->label,
		  request->is_write ? "write" : "read", offset, request->is_write ? "<-" : "->",
		  request->is_write ? request->value : value);
	if (zone_stopped)
		forget_zone(zone);
	if (waits)
		bridge_ring_answer(bridge, (unsigned)request->src_cpu, value);
}
