/* One request from the bridge: a guest's access to one of its virtio-mmio
 * windows. The handler finds the device, maps the zone's RAM on the zone's
 * first synchronous access (the zone runs then, and the module allows the
 * mapping only while it does), performs the access and releases the vCPU
 * that waits for it. Requests no device matches are answered all-ones. */
#ifndef REQUEST_HANDLER_H
#define REQUEST_HANDLER_H

#include <tessera/virtio_bridge.h>

#include "virtio_zones.h"

void request_handle(struct virtio_zones *zones, struct virtio_bridge *bridge, int hvisor_fd,
		    const struct virtio_bridge_request *request);

#endif
