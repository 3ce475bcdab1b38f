/* A virtio-net device's host side: a TAP interface the daemon creates under
 * the JSON's name and brings up; zone0's own scripts bridge and address it. */
#ifndef TAP_DEVICE_H
#define TAP_DEVICE_H

#include "message.h"

/* The TAP's non-blocking fd, or -1 with a message. Each frame on it is
 * preceded by a virtio-net header of `vnet_header_bytes` (IFF_VNET_HDR), so
 * a guest's checksum and segmentation offloads reach zone0's kernel, which
 * checks them. It disappears when the fd is closed. */
int tap_open(const char *name, int vnet_header_bytes, struct message *m);

#endif
