/* A virtio-blk device's backing store: a raw image file or a block device,
 * opened for reading and writing. `virtio check` opens it too, so a config
 * naming a missing or read-only image is refused before anything starts. */
#ifndef BLK_IMAGE_H
#define BLK_IMAGE_H

#include <stdint.h>

#include "message.h"

#define BLK_SECTOR_SIZE 512

/* The open image and its size in bytes, or -1 with a message about `path`. */
int blk_image_open(const char *path, uint64_t *bytes, struct message *m);

#endif
