/* virtio-blk (device ID 2) over an open image: one request queue; IN, OUT,
 * FLUSH and GET_ID. Every OUT is written out in full before it completes
 * and FLUSH is fdatasync, so what the guest was told is on disk is. */
#ifndef VIRTIO_BLK_H
#define VIRTIO_BLK_H

#include <stdint.h>

#include "virtio_mmio_device.h"

/* Takes over image_fd (closed, after an fdatasync, by ops->destroy). */
struct virtio_mmio_device *virtio_blk_create(const struct virtio_device_setup *setup,
					     int image_fd, uint64_t image_bytes);

#endif
