/* A virtio-net device's host side: a TAP interface the daemon creates under
 * the JSON's name and brings up; zone0's own scripts bridge and address it. */
#ifndef TAP_DEVICE_H
#define TAP_DEVICE_H

#include "message.h"

/* The TAP's non-blocking fd (frames without packet information), or -1
 * with a message. It disappears when the fd is closed. */
int tap_open(const char *name, struct message *m);

#endif
