/* A virtio-mmio version 2 device as a guest sees it through its window:
 * the register file, the status and feature handshake, queue set-up and
 * the interrupt status, shared by blk, net and console. A device type
 * brings its ID, features, config space and what a queue notification
 * does (struct virtio_device_ops); it finds its state by embedding this
 * struct first. */
#ifndef VIRTIO_MMIO_DEVICE_H
#define VIRTIO_MMIO_DEVICE_H

#include <stdbool.h>
#include <stdint.h>

#include "daemon_log.h"
#include "desc_chain.h"
#include "virtqueue.h"
#include "zone_memory.h"

#define VIRTIO_MMIO_MAX_QUEUES 2
#define VIRTIO_MMIO_CONFIG_MAX 64

/* Where used-buffer interrupts go: the bridge's response ring in the
 * daemon, a recorder in the tests. */
struct irq_sink {
	void (*raise)(struct irq_sink *sink, uint32_t zone_id, uint32_t irq);
};

struct virtio_mmio_device;

struct virtio_device_ops {
	const char *name;               /* "blk", "net", "console" */
	uint32_t device_id;
	uint64_t features;
	unsigned num_queues;
	/* The driver wrote QueueNotify for a ready queue. */
	void (*notify)(struct virtio_mmio_device *dev, unsigned queue);
	/* input_fd is readable and the receive queue (0) has buffers; NULL
	 * for a device without input. */
	void (*input)(struct virtio_mmio_device *dev);
	/* The driver's features took effect (FEATURES_OK), or were dropped by
	 * a reset (driver_features 0); NULL if nothing depends on them. */
	void (*features_changed)(struct virtio_mmio_device *dev);
	/* Syncs and closes what the device holds, then frees it. */
	void (*destroy)(struct virtio_mmio_device *dev);
};

/* Where a device sits and what backs it, known before it is created. */
struct virtio_device_setup {
	uint32_t zone_id;
	uint32_t irq;
	uint64_t base;
	uint64_t size;
	const struct zone_memory *memory;
	struct irq_sink *irqs;
	const char *backing;            /* "/dev/vda", "tap0", "/dev/pts/3" */
};

struct virtio_mmio_device {
	const struct virtio_device_ops *ops;
	uint32_t zone_id;
	uint32_t irq;
	uint64_t base;
	uint64_t size;
	const struct zone_memory *memory;
	struct irq_sink *irqs;
	char label[48];                 /* "zone 1 blk 0xa003c00", for logs */
	char backing[256];
	int input_fd;                   /* -1 without input */
	struct log_limit guest_errors;
	uint8_t config[VIRTIO_MMIO_CONFIG_MAX];
	uint32_t config_size;
	/* The register file. */
	uint32_t device_features_sel;
	uint32_t driver_features_sel;
	uint64_t driver_features;
	uint32_t queue_sel;
	uint32_t status;
	uint32_t interrupt_status;
	uint32_t raised_since_status_read; /* kept by an InterruptACK (it is posted) */
	uint32_t backlog;               /* queues left with chains by serve_queue */
	struct virtqueue queues[VIRTIO_MMIO_MAX_QUEUES];
};

/* A device in reset state, without config space and input; the device
 * type fills those in. */
void virtio_mmio_device_init(struct virtio_mmio_device *dev, const struct virtio_device_ops *ops,
			     const struct virtio_device_setup *setup);

/* An access at `offset` into the window, of 1, 2, 4 or 8 bytes. */
uint64_t virtio_mmio_read(struct virtio_mmio_device *dev, uint64_t offset, unsigned size);
void virtio_mmio_write(struct virtio_mmio_device *dev, uint64_t offset, unsigned size,
		       uint64_t value);

/* Whether input should be read now: there is somewhere to put it. */
bool virtio_mmio_wants_input(struct virtio_mmio_device *dev);

/* Serving a queue. serve_queue hands the available chains to `handle`,
 * which returns the bytes it wrote into the chain; bad chains go back
 * unused. It serves at most the queue's size and leaves the queue in
 * `backlog` if more are waiting; serve_backlog serves each such queue
 * again as a notification would. Receive queues, whose chains are taken only once there is data
 * for them, use peek_receive, complete and finish_queue instead. */
void virtio_mmio_serve_queue(struct virtio_mmio_device *dev, unsigned queue,
			     uint32_t (*handle)(struct virtio_mmio_device *dev,
						const struct desc_chain *chain));
void virtio_mmio_serve_backlog(struct virtio_mmio_device *dev);
/* The next available chain, left in place; one with device-readable or no
 * buffers, which cannot receive anything, counts as bad. */
enum virtqueue_next virtio_mmio_peek_receive(struct virtio_mmio_device *dev, unsigned queue,
					     struct desc_chain *chain);
void virtio_mmio_complete(struct virtio_mmio_device *dev, unsigned queue, uint16_t head,
			  uint32_t len);
/* Interrupts the driver if anything completed and it wants to know; a
 * queue the driver broke puts the device into DEVICE_NEEDS_RESET. */
void virtio_mmio_finish_queue(struct virtio_mmio_device *dev, unsigned queue, bool completed);

#endif
