#include "image_layout.h"

#include <inttypes.h>
#include <stdbool.h>

#include "describe.h"
#include "util.h"

static bool in_one_ram_region(const struct zone_config *c, const struct zone_image *image)
{
	for (uint32_t i = 0; i < c->num_memory_regions && i < CONFIG_MAX_MEMORY_REGIONS; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		if (r->type == MEM_TYPE_RAM &&
		    range_contains(r->physical_start, r->size, image->load_paddr, image->size))
			return true;
	}
	return false;
}

int image_layout_check(const struct zone_spec *spec, struct message *m)
{
	char size[32];
	char other_size[32];

	for (unsigned i = 0; i < spec->num_images; i++) {
		const struct zone_image *image = &spec->images[i];
		if (!image->size)
			continue;
		describe_size(image->size, size, sizeof(size));
		if (!in_one_ram_region(&spec->config, image)) {
			message_set(m, "%s 0x%" PRIx64 ": the %s (%s) does not fit inside one RAM region of the zone",
				    image->load_key, image->load_paddr, image->what, size);
			return -1;
		}
		for (unsigned j = 0; j < i; j++) {
			const struct zone_image *other = &spec->images[j];
			if (!other->size ||
			    !ranges_overlap(image->load_paddr, image->size, other->load_paddr, other->size))
				continue;
			describe_size(other->size, other_size, sizeof(other_size));
			message_set(m, "%s 0x%" PRIx64 ": the %s (%s) overlaps the %s at 0x%" PRIx64 " (%s)",
				    image->load_key, image->load_paddr, image->what, size, other->what,
				    other->load_paddr, other_size);
			return -1;
		}
	}
	return 0;
}
