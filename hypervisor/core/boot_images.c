#include "boot_images.h"

#include "arch.h"
#include "cstring.h"
#include "fdt_chosen.h"
#include "log.h"
#include "platform.h"
#include "util.h"
#include "zone.h"

static bool in_zone_ram(const struct zone_config *c, uint64_t pa, uint64_t size)
{
	for (uint32_t i = 0; i < c->num_memory_regions; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		if (r->type == MEM_TYPE_RAM && range_contains(r->physical_start, r->size, pa, size))
			return true;
	}
	return false;
}

static void add_image(struct boot_images *b, uint64_t pa, uint64_t size)
{
	if (size && b->count < MAX_BOOT_IMAGES)
		b->image[b->count++] = (struct boot_image){ pa, size };
}

/* The config names the kernel and the DTB; the initial ramdisk is wherever
 * the DTB's /chosen says, if that lies in the zone's RAM. */
static void find_images(const struct zone_config *c, struct boot_images *b)
{
	uint64_t start, end;

	add_image(b, c->kernel_load_paddr, c->kernel_size);
	if (!c->dtb_size)
		return;
	add_image(b, c->dtb_load_paddr, c->dtb_size);
	if (fdt_initrd_range((const void *)(uintptr_t)c->dtb_load_paddr, c->dtb_size, &start,
			     &end) &&
	    in_zone_ram(c, start, end - start))
		add_image(b, start, end - start);
}

/* The lowest gap of the cache, between the shares of running zones, that
 * holds `size` bytes; 0 if none does. */
static uint64_t find_gap(const struct zone *self, uint64_t size)
{
	uint64_t candidate = platform.restart_cache.start;
	uint64_t limit = platform.restart_cache.start + platform.restart_cache.size;
	bool moved = true;

	while (moved) {
		moved = false;
		for (unsigned i = 0; i < MAX_ZONES; i++) {
			const struct zone *z = zone_slot_by_index(i);
			const struct boot_images *b = &z->boot_images;
			if (z == self || z->state == ZONE_FREE || !b->cache_size ||
			    !ranges_overlap(candidate, size, b->cache_start, b->cache_size))
				continue;
			candidate = b->cache_start + b->cache_size;
			moved = true;
		}
		if (candidate > limit || size > limit - candidate)
			return 0;
	}
	return candidate;
}

bool boot_images_save(struct zone *zone)
{
	struct boot_images *b = &zone->boot_images;
	uint64_t total = 0, cursor;

	*b = (struct boot_images){ 0 };
	find_images(&zone->config, b);
	for (unsigned i = 0; i < b->count; i++)
		total += ALIGN_UP(b->image[i].size, 8);
	cursor = total ? find_gap(zone, total) : 0;
	if (!cursor) {
		log_warn("zone %u (%s): its boot images (%lu KiB) do not fit the restart cache: a "
			 "system reset will power it off", zone->id, zone->name,
			 (unsigned long)(total / 1024));
		b->count = 0;
		return false;
	}
	b->cache_start = cursor;
	b->cache_size = total;
	for (unsigned i = 0; i < b->count; i++) {
		memcpy((void *)(uintptr_t)cursor, (const void *)(uintptr_t)b->image[i].pa,
		       b->image[i].size);
		cursor += ALIGN_UP(b->image[i].size, 8);
	}
	return true;
}

void boot_images_restore(const struct zone *zone)
{
	const struct boot_images *b = &zone->boot_images;
	uint64_t cursor = b->cache_start;

	for (unsigned i = 0; i < b->count; i++) {
		memcpy((void *)(uintptr_t)b->image[i].pa, (const void *)(uintptr_t)cursor,
		       b->image[i].size);
		arch_clean_memory(b->image[i].pa, b->image[i].size);
		cursor += ALIGN_UP(b->image[i].size, 8);
	}
}

void boot_images_forget(struct zone *zone)
{
	zone->boot_images.cache_size = 0;
	zone->boot_images.count = 0;
}
