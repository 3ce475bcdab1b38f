/* Copies a zone's image files into physical memory through /dev/hvisor
 * (HVISOR_LOAD_IMAGE: the kernel module writes and cleans them to PoC). */
#ifndef IMAGE_LOADER_H
#define IMAGE_LOADER_H

#include "message.h"
#include "zone_spec.h"

/* Returns 0, or -1 with a message naming the image, its file and address. */
int image_load(int fd, const struct zone_image *image, struct message *m);

#endif
