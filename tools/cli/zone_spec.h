/* A zone as a zone JSON file describes it: the config blob for ZoneStart plus
 * the images (kernel, device tree, modules) to place in its memory first. */
#ifndef ZONE_SPEC_H
#define ZONE_SPEC_H

#include <stdint.h>
#include <tessera/zone_config.h>

#define ZONE_SPEC_MAX_MODULES 8
#define ZONE_SPEC_MAX_IMAGES  (2 + ZONE_SPEC_MAX_MODULES)

enum { ZONE_IMAGE_KERNEL, ZONE_IMAGE_DTB, ZONE_IMAGE_FIRST_MODULE };

struct zone_image {
	char what[64];          /* "kernel", "device tree", "module \"initramfs\"" */
	char key[48];           /* the JSON key naming its file */
	char load_key[48];      /* the JSON key naming its load address */
	char *path;
	uint64_t load_paddr;
	uint64_t size;
};

struct zone_spec {
	struct zone_config config;
	unsigned num_images;    /* the kernel, the device tree, then the modules */
	struct zone_image images[ZONE_SPEC_MAX_IMAGES];
};

/* Frees the image paths; the spec may then be filled again. */
void zone_spec_release(struct zone_spec *spec);

#endif
