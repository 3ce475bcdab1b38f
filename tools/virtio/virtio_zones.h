/* The daemon's zones at run time: each zone's memory map and its devices,
 * created from the config with their backing opened (images, TAPs, PTYs).
 * Devices point into this struct, so it stays where it was opened. */
#ifndef VIRTIO_ZONES_H
#define VIRTIO_ZONES_H

#include <stdint.h>
#include <stdio.h>

#include "daemon_log.h"
#include "message.h"
#include "virtio_config.h"
#include "virtio_mmio_device.h"
#include "zone_memory.h"

struct virtio_zone {
	uint32_t id;
	struct zone_memory memory;
	struct log_limit map_errors;
	unsigned num_devices;
	struct virtio_mmio_device *devices[VIRTIO_CONFIG_MAX_DEVICES];
};

struct virtio_zones {
	unsigned num_zones;
	struct virtio_zone zones[VIRTIO_CONFIG_MAX_ZONES];
};

/* -1 with a message naming the device's key if a backing cannot be
 * opened; whatever was opened is closed again. */
int virtio_zones_open(struct virtio_zones *zones, const struct virtio_config *config,
		      struct irq_sink *irqs, struct message *m);

/* Destroys every device (blk images are synced) and unmaps the zones. */
void virtio_zones_close(struct virtio_zones *zones);

struct virtio_zone *virtio_zones_find(struct virtio_zones *zones, uint32_t zone_id);

/* The device whose window holds `address`, or NULL. */
struct virtio_mmio_device *virtio_zone_device_at(const struct virtio_zone *zone,
						 uint64_t address);

/* "zone 1: blk 0xa003c00 irq 78 /dev/vda, console 0xa003800 irq 76 /dev/pts/2". */
void virtio_zones_describe(const struct virtio_zones *zones, FILE *out);

#endif
