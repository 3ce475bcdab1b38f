/* The rules between fields of a virtio config. Each entry is checked
 * against those before it, so a message names the later entry and the one
 * it collides with. */
#include "virtio_config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "blk_image.h"

#define PAGE_SIZE 0x1000u

/* Ranges end below 2^64, so their sums never wrap (passes_end refuses the rest). */
static bool passes_end(uint64_t start, uint64_t len)
{
	return len > UINT64_MAX - start;
}

static bool overlap(uint64_t a, uint64_t a_len, uint64_t b, uint64_t b_len)
{
	return a < b + b_len && b < a + a_len;
}

static void region_key(unsigned zone, unsigned region, char out[JSON_KEY_MAX])
{
	snprintf(out, JSON_KEY_MAX, "zones[%u].memory_region[%u]", zone, region);
}

static int check_region_fields(const struct virtio_region_config *r, const char *key,
			       struct message *m)
{
	const struct {
		const char *name;
		uint64_t value;
	} fields[] = { { "zone0_ipa", r->zone0_ipa }, { "zonex_ipa", r->zonex_ipa }, { "size", r->size } };

	if (r->size == 0) {
		message_set(m, "key \"%s.size\": a region of 0 bytes", key);
		return -1;
	}
	for (unsigned i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (fields[i].value % PAGE_SIZE) {
			message_set(m, "key \"%s.%s\": 0x%" PRIx64 " is not a multiple of 0x%x (zone0 maps whole pages)",
				    key, fields[i].name, fields[i].value, PAGE_SIZE);
			return -1;
		}
	}
	if (passes_end(r->zone0_ipa, r->size) || passes_end(r->zonex_ipa, r->size)) {
		message_set(m, "key \"%s.size\": the region passes the end of the address space", key);
		return -1;
	}
	return 0;
}

/* Within a zone the guest ranges must not overlap; across all zones the
 * zone0 ranges must not, or two guests would share RAM. */
static int check_region(const struct virtio_config *config, unsigned zone, unsigned region,
			struct message *m)
{
	const struct virtio_region_config *r = &config->zones[zone].regions[region];
	char key[JSON_KEY_MAX];
	char other[JSON_KEY_MAX];

	region_key(zone, region, key);
	if (check_region_fields(r, key, m))
		return -1;
	for (unsigned z = 0; z <= zone; z++) {
		const struct virtio_zone_config *earlier = &config->zones[z];
		unsigned end = z == zone ? region : earlier->num_regions;
		for (unsigned i = 0; i < end; i++) {
			const struct virtio_region_config *e = &earlier->regions[i];
			region_key(z, i, other);
			if (z == zone && overlap(r->zonex_ipa, r->size, e->zonex_ipa, e->size)) {
				message_set(m, "key \"%s\": guest range 0x%" PRIx64 "-0x%" PRIx64 " overlaps %s's",
					    key, r->zonex_ipa, r->zonex_ipa + r->size - 1, other);
				return -1;
			}
			if (overlap(r->zone0_ipa, r->size, e->zone0_ipa, e->size)) {
				message_set(m, "key \"%s\": zone0 range 0x%" PRIx64 "-0x%" PRIx64 " overlaps %s's",
					    key, r->zone0_ipa, r->zone0_ipa + r->size - 1, other);
				return -1;
			}
		}
	}
	return 0;
}

static int check_device_fields(const struct virtio_zone_config *z, unsigned zone,
			       const struct virtio_device_config *d, struct message *m)
{
	char other[JSON_KEY_MAX];

	if (d->len < VIRTIO_WINDOW_MIN) {
		message_set(m, "key \"%s.len\": 0x%" PRIx64 " is too small; a virtio-mmio window needs at least 0x%x bytes",
			    d->key, d->len, VIRTIO_WINDOW_MIN);
		return -1;
	}
	if (passes_end(d->addr, d->len)) {
		message_set(m, "key \"%s.len\": the window passes the end of the address space", d->key);
		return -1;
	}
	if (d->irq < VIRTIO_IRQ_FIRST || d->irq > VIRTIO_IRQ_LAST) {
		message_set(m, "key \"%s.irq\": %" PRIu32 " is not a " VIRTIO_IRQ_KIND " (%d to %d)",
			    d->key, d->irq, VIRTIO_IRQ_FIRST, VIRTIO_IRQ_LAST);
		return -1;
	}
	for (unsigned i = 0; i < z->num_regions; i++) {
		const struct virtio_region_config *r = &z->regions[i];
		if (overlap(d->addr, d->len, r->zonex_ipa, r->size)) {
			region_key(zone, i, other);
			message_set(m, "key \"%s.addr\": window 0x%" PRIx64 "-0x%" PRIx64 " lies in the zone's RAM (%s), where accesses never reach the daemon",
				    d->key, d->addr, d->addr + d->len - 1, other);
			return -1;
		}
	}
	return 0;
}

/* Against the devices before it in the same zone. */
static int check_device_in_zone(const struct virtio_zone_config *z, unsigned device,
				struct message *m)
{
	const struct virtio_device_config *d = &z->devices[device];

	for (unsigned i = 0; i < device; i++) {
		const struct virtio_device_config *e = &z->devices[i];
		if (overlap(d->addr, d->len, e->addr, e->len)) {
			message_set(m, "key \"%s.addr\": window 0x%" PRIx64 "-0x%" PRIx64 " overlaps %s's",
				    d->key, d->addr, d->addr + d->len - 1, e->key);
			return -1;
		}
		if (d->irq == e->irq) {
			message_set(m, "key \"%s.irq\": %" PRIu32 " is already %s's interrupt", d->key,
				    d->irq, e->key);
			return -1;
		}
		if (d->type == VIRTIO_ID_CONSOLE && e->type == VIRTIO_ID_CONSOLE) {
			message_set(m, "key \"%s.type\": zone %" PRIu32 " already has a console (%s)",
				    d->key, z->id, e->key);
			return -1;
		}
	}
	return 0;
}

/* TAPs and images cannot be shared, whichever zones the devices are in. */
static int check_device_backing(const struct virtio_config *config, unsigned zone,
				unsigned device, struct message *m)
{
	const struct virtio_device_config *d = &config->zones[zone].devices[device];

	for (unsigned z = 0; z <= zone; z++) {
		const struct virtio_zone_config *earlier = &config->zones[z];
		unsigned end = z == zone ? device : earlier->num_devices;
		for (unsigned i = 0; i < end; i++) {
			const struct virtio_device_config *e = &earlier->devices[i];
			if (d->type != e->type)
				continue;
			if (d->type == VIRTIO_ID_NET && strcmp(d->tap, e->tap) == 0) {
				message_set(m, "key \"%s.tap\": \"%s\" is already %s's TAP", d->key, d->tap,
					    e->key);
				return -1;
			}
			if (d->type == VIRTIO_ID_BLOCK && strcmp(d->img, e->img) == 0) {
				message_set(m, "key \"%s.img\": \"%s\" is already %s's image", d->key,
					    d->img, e->key);
				return -1;
			}
		}
	}
	return 0;
}

static int check_zone(const struct virtio_config *config, unsigned zone, struct message *m)
{
	const struct virtio_zone_config *z = &config->zones[zone];

	if (z->id == 0) {
		message_set(m, "key \"zones[%u].id\": zone 0 runs this daemon and cannot have virtio devices",
			    zone);
		return -1;
	}
	for (unsigned i = 0; i < zone; i++) {
		if (config->zones[i].id == z->id) {
			message_set(m, "key \"zones[%u].id\": zone %" PRIu32 " is already zones[%u]",
				    zone, z->id, i);
			return -1;
		}
	}
	if (z->num_regions == 0) {
		message_set(m, "key \"zones[%u].memory_region\": lists no region; the daemon needs the zone's RAM",
			    zone);
		return -1;
	}
	for (unsigned i = 0; i < z->num_regions; i++)
		if (check_region(config, zone, i, m))
			return -1;
	for (unsigned i = 0; i < z->num_devices; i++)
		if (check_device_fields(z, zone, &z->devices[i], m) ||
		    check_device_in_zone(z, i, m) || check_device_backing(config, zone, i, m))
			return -1;
	return 0;
}

int virtio_config_check(const struct virtio_config *config, struct message *m)
{
	if (config->num_zones == 0) {
		message_set(m, "key \"zones\": lists no zone");
		return -1;
	}
	for (unsigned i = 0; i < config->num_zones; i++)
		if (check_zone(config, i, m))
			return -1;
	return 0;
}

int virtio_config_check_images(const struct virtio_config *config, struct message *m)
{
	for (unsigned z = 0; z < config->num_zones; z++) {
		const struct virtio_zone_config *zone = &config->zones[z];
		for (unsigned i = 0; i < zone->num_devices; i++) {
			const struct virtio_device_config *d = &zone->devices[i];
			uint64_t bytes;
			if (d->type != VIRTIO_ID_BLOCK)
				continue;
			int fd = blk_image_open(d->img, &bytes, m);
			if (fd < 0) {
				message_prefix(m, "key \"%s.img\"", d->key);
				return -1;
			}
			close(fd);
		}
	}
	return 0;
}
