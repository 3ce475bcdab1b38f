#include "virtio_zones.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "blk_image.h"
#include "console_pty.h"
#include "tap_device.h"
#include "virtio_blk.h"
#include "virtio_console.h"
#include "virtio_net.h"

static struct virtio_mmio_device *open_blk(struct virtio_device_setup *setup,
					   const struct virtio_device_config *d, struct message *m)
{
	uint64_t bytes;
	int fd = blk_image_open(d->img, &bytes, m);

	if (fd < 0)
		return NULL;
	setup->backing = d->img;
	struct virtio_mmio_device *dev = virtio_blk_create(setup, fd, bytes);
	if (!dev) {
		message_set(m, "out of memory");
		close(fd);
	}
	return dev;
}

static struct virtio_mmio_device *open_net(struct virtio_device_setup *setup,
					   const struct virtio_device_config *d, struct message *m)
{
	int fd = tap_open(d->tap, VIRTIO_NET_HEADER_BYTES, m);

	if (fd < 0)
		return NULL;
	setup->backing = d->tap;
	struct virtio_mmio_device *dev = virtio_net_create(setup, fd, d->mac);
	if (!dev) {
		message_set(m, "out of memory");
		close(fd);
	}
	return dev;
}

static struct virtio_mmio_device *open_console(struct virtio_device_setup *setup,
					       struct message *m)
{
	struct console_pty pty;

	if (console_pty_open(setup->zone_id, &pty, m))
		return NULL;
	setup->backing = pty.slave_path;
	struct virtio_mmio_device *dev = virtio_console_create(setup, &pty);
	if (!dev) {
		message_set(m, "out of memory");
		console_pty_close(&pty);
	}
	return dev;
}

static int open_zone(struct virtio_zone *zone, const struct virtio_zone_config *config,
		     struct irq_sink *irqs, struct message *m)
{
	zone->id = config->id;
	zone->memory.num_regions = config->num_regions;
	for (unsigned i = 0; i < config->num_regions; i++) {
		const struct virtio_region_config *r = &config->regions[i];
		zone->memory.regions[i] = (struct zone_memory_region){
			.zone_address = r->zonex_ipa,
			.zone0_address = r->zone0_ipa,
			.size = r->size,
		};
	}
	for (unsigned i = 0; i < config->num_devices; i++) {
		const struct virtio_device_config *d = &config->devices[i];
		struct virtio_device_setup setup = {
			.zone_id = config->id,
			.irq = d->irq,
			.base = d->addr,
			.size = d->len,
			.memory = &zone->memory,
			.irqs = irqs,
		};
		struct virtio_mmio_device *dev =
			d->type == VIRTIO_ID_BLOCK ? open_blk(&setup, d, m) :
			d->type == VIRTIO_ID_NET   ? open_net(&setup, d, m) :
						     open_console(&setup, m);
		if (!dev) {
			message_prefix(m, "key \"%s\"", d->key);
			return -1;
		}
		zone->devices[zone->num_devices++] = dev;
	}
	return 0;
}

int virtio_zones_open(struct virtio_zones *zones, const struct virtio_config *config,
		      struct irq_sink *irqs, struct message *m)
{
	memset(zones, 0, sizeof(*zones));
	for (unsigned i = 0; i < config->num_zones; i++) {
		/* Counted first, so a half-opened zone is closed too. */
		zones->num_zones = i + 1;
		if (open_zone(&zones->zones[i], &config->zones[i], irqs, m)) {
			virtio_zones_close(zones);
			return -1;
		}
	}
	return 0;
}

void virtio_zones_close(struct virtio_zones *zones)
{
	for (unsigned z = 0; z < zones->num_zones; z++) {
		struct virtio_zone *zone = &zones->zones[z];
		for (unsigned i = 0; i < zone->num_devices; i++)
			zone->devices[i]->ops->destroy(zone->devices[i]);
		zone->num_devices = 0;
		zone_memory_unmap(&zone->memory);
	}
	zones->num_zones = 0;
}

struct virtio_zone *virtio_zones_find(struct virtio_zones *zones, uint32_t zone_id)
{
	for (unsigned i = 0; i < zones->num_zones; i++)
		if (zones->zones[i].id == zone_id)
			return &zones->zones[i];
	return NULL;
}

struct virtio_mmio_device *virtio_zone_device_at(const struct virtio_zone *zone,
						 uint64_t address)
{
	for (unsigned i = 0; i < zone->num_devices; i++) {
		struct virtio_mmio_device *dev = zone->devices[i];
		if (address >= dev->base && address - dev->base < dev->size)
			return dev;
	}
	return NULL;
}

void virtio_zones_describe(const struct virtio_zones *zones, FILE *out)
{
	for (unsigned z = 0; z < zones->num_zones; z++) {
		const struct virtio_zone *zone = &zones->zones[z];
		fprintf(out, "%szone %" PRIu32 ":", z ? "; " : "", zone->id);
		for (unsigned i = 0; i < zone->num_devices; i++) {
			const struct virtio_mmio_device *dev = zone->devices[i];
			fprintf(out, "%s %s 0x%" PRIx64 " irq %" PRIu32 " %s", i ? "," : "",
				dev->ops->name, dev->base, dev->irq, dev->backing);
		}
	}
}
