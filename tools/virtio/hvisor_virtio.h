/* The daemon's side of /dev/hvisor: the bridge page it shares with the
 * hypervisor, the eventfd the module signals when the hypervisor wakes the
 * daemon, and the interrupts the daemon asks the hypervisor to inject. */
#ifndef HVISOR_VIRTIO_H
#define HVISOR_VIRTIO_H

#include <stdbool.h>
#include <tessera/virtio_bridge.h>

#include "message.h"
#include "virtio_mmio_device.h"

struct hvisor_virtio {
	/* First, so the devices' raise() finds the rest. Interrupts are pushed
	 * to the response ring as buffers complete and handed over with one
	 * HVISOR_FINISH_REQ per batch (or whenever the ring is full). */
	struct irq_sink irqs;
	bool irqs_pending;
	int fd;
	struct virtio_bridge *bridge;
	int event_fd;
};

/* Opens the device, has the module set up the bridge, maps it and
 * registers the eventfd; -1 with a message, nothing left open. */
int hvisor_virtio_open(struct hvisor_virtio *hv, struct message *m);

void hvisor_virtio_close(struct hvisor_virtio *hv);

/* Hands every pushed interrupt to the hypervisor. */
void hvisor_virtio_flush_irqs(struct hvisor_virtio *hv);

#endif
