/* A copy of a zone's boot images (kernel, device tree, initial ramdisk),
 * kept in hypervisor memory from its start, so that a PSCI SYSTEM_RESET can
 * boot it again from its config: by then the running kernel has written over
 * the images in the zone's RAM. */
#ifndef BOOT_IMAGES_H
#define BOOT_IMAGES_H

#include <stdbool.h>
#include <stdint.h>

#define MAX_BOOT_IMAGES 3

struct boot_image {
	uint64_t pa;        /* where the zone's RAM holds it */
	uint64_t size;
};

struct boot_images {
	struct boot_image image[MAX_BOOT_IMAGES];
	unsigned count;
	uint64_t cache_start;   /* this zone's share of the platform's cache */
	uint64_t cache_size;    /* 0: nothing saved, a reset powers the zone off */
};

struct zone;

/* Saves the images named by the zone's config; logs and returns false when
 * they do not fit what is left of the cache. */
bool boot_images_save(struct zone *zone);
void boot_images_restore(const struct zone *zone);
/* Gives the zone's share of the cache back (under zones_lock). */
void boot_images_forget(struct zone *zone);

#endif
