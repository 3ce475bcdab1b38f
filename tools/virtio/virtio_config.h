/* The virtio JSON (hvisor's format, hvisor-compat §5): for each zone, its
 * RAM as zone0 maps it and its virtio-mmio devices. Every way a config can
 * be wrong is refused with one sentence naming the file, the key and the
 * rule, before the daemon opens anything. */
#ifndef VIRTIO_CONFIG_H
#define VIRTIO_CONFIG_H

#include <stdint.h>

#include "json_fields.h"
#include "message.h"
#include "virtio_spec.h"
#include "zone_memory.h"

#define VIRTIO_CONFIG_MAX_ZONES   8
#define VIRTIO_CONFIG_MAX_DEVICES 8     /* per zone */
#define VIRTIO_IMAGE_PATH_MAX     255
#define VIRTIO_TAP_NAME_MAX       15    /* IFNAMSIZ less the NUL */
/* The register file up to 0x100 and room for any device's config space. */
#define VIRTIO_WINDOW_MIN         0x200
/* The target's interrupts, also when the build host checks a riscv64
 * config (tools.mk defines TESSERA_TARGET_RISCV64, as for zone_config.h). */
#if defined(__riscv) || defined(TESSERA_TARGET_RISCV64)
/* PLIC sources (source 0 does not exist); every source is a device's own line. */
#define VIRTIO_IRQ_FIRST          1
#define VIRTIO_IRQ_LAST           1023
#define VIRTIO_IRQ_KIND           "PLIC source"
#else
#define VIRTIO_IRQ_FIRST          32    /* SPIs only: a device's line is shared by nothing */
#define VIRTIO_IRQ_LAST           1019
#define VIRTIO_IRQ_KIND           "shared peripheral interrupt"
#endif

struct virtio_device_config {
	char key[JSON_KEY_MAX];             /* "zones[0].devices[1]" */
	enum virtio_device_id type;
	uint64_t addr;
	uint64_t len;
	uint32_t irq;
	char img[VIRTIO_IMAGE_PATH_MAX + 1];  /* blk */
	char tap[VIRTIO_TAP_NAME_MAX + 1];    /* net */
	uint8_t mac[6];                       /* net */
};

struct virtio_region_config {
	uint64_t zone0_ipa;
	uint64_t zonex_ipa;
	uint64_t size;
};

/* Zones and regions keep their JSON positions; disabled devices are left
 * out, so each device carries its key. */
struct virtio_zone_config {
	uint32_t id;
	unsigned num_regions;
	struct virtio_region_config regions[ZONE_MEMORY_MAX_REGIONS];
	unsigned num_devices;
	struct virtio_device_config devices[VIRTIO_CONFIG_MAX_DEVICES];
};

struct virtio_config {
	unsigned num_zones;
	struct virtio_zone_config zones[VIRTIO_CONFIG_MAX_ZONES];
};

/* The rules between fields: overlaps, duplicates, windows against RAM. */
int virtio_config_check(const struct virtio_config *config, struct message *m);

/* Every blk image exists and opens for reading and writing. */
int virtio_config_check_images(const struct virtio_config *config, struct message *m);

/* Reads and parses the file, each field checked on its own, then applies
 * both checks above; messages start with the file's path. */
int virtio_config_load(const char *path, struct virtio_config *config, struct message *m);

#endif
