#include "virtio_mmio_device.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

void virtio_mmio_device_init(struct virtio_mmio_device *dev, const struct virtio_device_ops *ops,
			     const struct virtio_device_setup *setup)
{
	memset(dev, 0, sizeof(*dev));
	dev->ops = ops;
	dev->zone_id = setup->zone_id;
	dev->irq = setup->irq;
	dev->base = setup->base;
	dev->size = setup->size;
	dev->memory = setup->memory;
	dev->irqs = setup->irqs;
	dev->input_fd = -1;
	snprintf(dev->label, sizeof(dev->label), "zone %" PRIu32 " %s 0x%" PRIx64, setup->zone_id,
		 ops->name, setup->base);
	snprintf(dev->backing, sizeof(dev->backing), "%s", setup->backing);
}

static void raise_interrupt(struct virtio_mmio_device *dev, uint32_t cause)
{
	dev->interrupt_status |= cause;
	dev->raised_since_status_read |= cause;
	dev->irqs->raise(dev->irqs, dev->zone_id, dev->irq);
}

static void features_changed(struct virtio_mmio_device *dev)
{
	if (dev->ops->features_changed)
		dev->ops->features_changed(dev);
}

static void reset(struct virtio_mmio_device *dev)
{
	dev->device_features_sel = 0;
	dev->driver_features_sel = 0;
	dev->driver_features = 0;
	dev->queue_sel = 0;
	dev->status = 0;
	dev->interrupt_status = 0;
	dev->raised_since_status_read = 0;
	dev->backlog = 0;
	for (unsigned i = 0; i < VIRTIO_MMIO_MAX_QUEUES; i++)
		virtqueue_reset(&dev->queues[i]);
	features_changed(dev);
}

/* The driver is told through a config-change interrupt (virtio 1.x §2.1.2). */
static void needs_reset(struct virtio_mmio_device *dev, const char *why)
{
	if (dev->status & VIRTIO_STATUS_DEVICE_NEEDS_RESET)
		return;
	log_limited(&dev->guest_errors, LOG_LEVEL_WARN, "%s: %s; the device needs a reset",
		    dev->label, why);
	dev->status |= VIRTIO_STATUS_DEVICE_NEEDS_RESET;
	if (dev->status & VIRTIO_STATUS_DRIVER_OK)
		raise_interrupt(dev, VIRTIO_MMIO_INT_CONFIG);
}

static struct virtqueue *selected_queue(struct virtio_mmio_device *dev)
{
	return dev->queue_sel < dev->ops->num_queues ? &dev->queues[dev->queue_sel] : NULL;
}

static uint32_t half(uint64_t value, uint32_t select)
{
	if (select > 1)
		return 0;
	return (uint32_t)(value >> (32 * select));
}

static uint64_t read_config(const struct virtio_mmio_device *dev, uint64_t offset, unsigned size)
{
	uint64_t value = 0;

	if (offset >= dev->config_size || size > dev->config_size - offset)
		return 0;
	memcpy(&value, dev->config + offset, size);
	return value;
}

static uint32_t read_register(struct virtio_mmio_device *dev, uint64_t offset)
{
	const struct virtqueue *vq = selected_queue(dev);

	switch (offset) {
	case VIRTIO_MMIO_MAGIC_VALUE:
		return VIRTIO_MMIO_MAGIC;
	case VIRTIO_MMIO_VERSION_REG:
		return VIRTIO_MMIO_VERSION;
	case VIRTIO_MMIO_DEVICE_ID:
		return dev->ops->device_id;
	case VIRTIO_MMIO_VENDOR_ID:
		return VIRTIO_VENDOR_ID;
	case VIRTIO_MMIO_DEVICE_FEATURES:
		return half(dev->ops->features, dev->device_features_sel);
	case VIRTIO_MMIO_QUEUE_NUM_MAX:
		return vq ? VIRTQUEUE_MAX_SIZE : 0;
	case VIRTIO_MMIO_QUEUE_READY:
		return vq && vq->ready;
	case VIRTIO_MMIO_INTERRUPT_STATUS:
		dev->raised_since_status_read = 0;
		return dev->interrupt_status;
	case VIRTIO_MMIO_STATUS:
		return dev->status;
	default:
		/* ConfigGeneration too: the config space never changes. */
		return 0;
	}
}

uint64_t virtio_mmio_read(struct virtio_mmio_device *dev, uint64_t offset, unsigned size)
{
	if (offset >= VIRTIO_MMIO_CONFIG)
		return read_config(dev, offset - VIRTIO_MMIO_CONFIG, size);
	if (size != 4) {
		log_limited(&dev->guest_errors, LOG_LEVEL_WARN,
			    "%s: %u-byte read of register 0x%" PRIx64 " (registers are 32-bit)",
			    dev->label, size, offset);
		return 0;
	}
	return read_register(dev, offset);
}

/* The driver accepts features by setting FEATURES_OK; a device that cannot
 * work with them leaves the bit clear (virtio 1.x §3.1.1). */
static void write_status(struct virtio_mmio_device *dev, uint32_t value)
{
	if (value == 0) {
		reset(dev);
		return;
	}
	bool accepting = (value & VIRTIO_STATUS_FEATURES_OK) &&
			 !(dev->status & VIRTIO_STATUS_FEATURES_OK);
	if (accepting && ((dev->driver_features & ~dev->ops->features) ||
			  !(dev->driver_features & VIRTIO_F_VERSION_1))) {
		log_limited(&dev->guest_errors, LOG_LEVEL_WARN,
			    "%s: driver features 0x%" PRIx64 " refused (offered 0x%" PRIx64 ")",
			    dev->label, dev->driver_features, dev->ops->features);
		value &= ~VIRTIO_STATUS_FEATURES_OK;
		accepting = false;
	}
	dev->status = value | (dev->status & VIRTIO_STATUS_DEVICE_NEEDS_RESET);
	if (accepting)
		features_changed(dev);
}

static void write_driver_features(struct virtio_mmio_device *dev, uint32_t value)
{
	if (dev->driver_features_sel > 1)
		return;
	unsigned shift = 32 * dev->driver_features_sel;
	dev->driver_features = (dev->driver_features & ~(0xffffffffull << shift)) |
			       (uint64_t)value << shift;
}

static void write_queue_ready(struct virtio_mmio_device *dev, struct virtqueue *vq,
			      uint32_t value)
{
	if (!value) {
		virtqueue_reset(vq);
		dev->backlog &= ~(1u << dev->queue_sel);
		return;
	}
	if (vq->ready)
		return;
	if (virtqueue_activate(vq, dev->memory)) {
		char why[128];
		snprintf(why, sizeof(why),
			 "queue %" PRIu32 " (size %" PRIu32 ") has unusable ring addresses%s",
			 dev->queue_sel, vq->num,
			 dev->memory->mapped ? "" : " (the zone's RAM is not mapped)");
		needs_reset(dev, why);
	}
}

/* The parts of a 64-bit ring address, each written as a 32-bit register. */
static void set_half(uint64_t *address, bool high, uint32_t value)
{
	if (high)
		*address = (*address & 0xffffffffull) | (uint64_t)value << 32;
	else
		*address = (*address & ~0xffffffffull) | value;
}

/* Queue registers are writable only while the queue is not ready. */
static void write_queue_register(struct virtio_mmio_device *dev, uint64_t offset,
				 uint32_t value)
{
	struct virtqueue *vq = selected_queue(dev);

	if (!vq)
		return;
	if (offset == VIRTIO_MMIO_QUEUE_READY) {
		write_queue_ready(dev, vq, value);
		return;
	}
	if (vq->ready)
		return;
	switch (offset) {
	case VIRTIO_MMIO_QUEUE_NUM:
		vq->num = value;
		break;
	case VIRTIO_MMIO_QUEUE_DESC_LOW:
	case VIRTIO_MMIO_QUEUE_DESC_HIGH:
		set_half(&vq->desc_address, offset == VIRTIO_MMIO_QUEUE_DESC_HIGH, value);
		break;
	case VIRTIO_MMIO_QUEUE_DRIVER_LOW:
	case VIRTIO_MMIO_QUEUE_DRIVER_HIGH:
		set_half(&vq->driver_address, offset == VIRTIO_MMIO_QUEUE_DRIVER_HIGH, value);
		break;
	case VIRTIO_MMIO_QUEUE_DEVICE_LOW:
	case VIRTIO_MMIO_QUEUE_DEVICE_HIGH:
		set_half(&vq->device_address, offset == VIRTIO_MMIO_QUEUE_DEVICE_HIGH, value);
		break;
	}
}

static void write_register(struct virtio_mmio_device *dev, uint64_t offset, uint32_t value)
{
	switch (offset) {
	case VIRTIO_MMIO_DEVICE_FEATURES_SEL:
		dev->device_features_sel = value;
		break;
	case VIRTIO_MMIO_DRIVER_FEATURES_SEL:
		dev->driver_features_sel = value;
		break;
	case VIRTIO_MMIO_DRIVER_FEATURES:
		write_driver_features(dev, value);
		break;
	case VIRTIO_MMIO_QUEUE_SEL:
		dev->queue_sel = value;
		break;
	case VIRTIO_MMIO_QUEUE_NOTIFY:
		if (value < dev->ops->num_queues && dev->queues[value].ready)
			dev->ops->notify(dev, value);
		break;
	/* The vCPU does not wait for its InterruptACK (virtio_bridge.c), so the
	 * daemon may have raised the interrupt again since the driver read the
	 * status it acknowledges: that cause stays set, or the driver would
	 * read 0 on the new interrupt and leave the used buffers behind it. */
	case VIRTIO_MMIO_INTERRUPT_ACK:
		dev->interrupt_status &= ~(value & ~dev->raised_since_status_read);
		break;
	case VIRTIO_MMIO_STATUS:
		write_status(dev, value);
		break;
	default:
		write_queue_register(dev, offset, value);
		break;
	}
}

void virtio_mmio_write(struct virtio_mmio_device *dev, uint64_t offset, unsigned size,
		       uint64_t value)
{
	/* The config space has no field a driver may write without features
	 * this daemon does not offer. */
	if (offset >= VIRTIO_MMIO_CONFIG)
		return;
	if (size != 4) {
		log_limited(&dev->guest_errors, LOG_LEVEL_WARN,
			    "%s: %u-byte write of register 0x%" PRIx64 " ignored (registers are 32-bit)",
			    dev->label, size, offset);
		return;
	}
	write_register(dev, offset, (uint32_t)value);
}

bool virtio_mmio_wants_input(struct virtio_mmio_device *dev)
{
	if (dev->input_fd < 0)
		return false;
	bool available = virtqueue_has_available(&dev->queues[0]);
	/* Looking may be what finds the driver's index out of range. */
	virtio_mmio_finish_queue(dev, 0, false);
	return available;
}

static enum virtqueue_next peek(struct virtio_mmio_device *dev, unsigned queue,
				struct desc_chain *chain)
{
	enum desc_chain_error error = DESC_CHAIN_OK;
	enum virtqueue_next next = virtqueue_peek(&dev->queues[queue], dev->memory, chain, &error);

	if (next == VIRTQUEUE_BAD_CHAIN)
		log_limited(&dev->guest_errors, LOG_LEVEL_WARN,
			    "%s: queue %u: descriptor chain %u refused: %s", dev->label, queue,
			    chain->head, desc_chain_error_text(error));
	return next;
}

enum virtqueue_next virtio_mmio_peek_receive(struct virtio_mmio_device *dev, unsigned queue,
					     struct desc_chain *chain)
{
	enum virtqueue_next next = peek(dev, queue, chain);

	if (next != VIRTQUEUE_CHAIN || (!chain->num_readable && chain->writable_bytes))
		return next;
	log_limited(&dev->guest_errors, LOG_LEVEL_WARN,
		    "%s: queue %u: receive chain %u is not all device-writable; returned unused",
		    dev->label, queue, chain->head);
	return VIRTQUEUE_BAD_CHAIN;
}

void virtio_mmio_complete(struct virtio_mmio_device *dev, unsigned queue, uint16_t head,
			  uint32_t len)
{
	virtqueue_consume(&dev->queues[queue]);
	virtqueue_push_used(&dev->queues[queue], head, len);
}

void virtio_mmio_finish_queue(struct virtio_mmio_device *dev, unsigned queue, bool completed)
{
	struct virtqueue *vq = &dev->queues[queue];

	if (vq->broken) {
		char why[96];
		snprintf(why, sizeof(why),
			 "queue %u: the driver's available index or a head is out of range", queue);
		needs_reset(dev, why);
	}
	if (completed && virtqueue_wants_interrupt(vq))
		raise_interrupt(dev, VIRTIO_MMIO_INT_VRING);
}

/* A queue's worth of chains at most: the guest can refill its ring with
 * plain stores as fast as the daemon serves it, so "until empty" could be
 * forever. What is left waits in the backlog for the loop's next pass,
 * behind every other zone's requests and input. */
void virtio_mmio_serve_queue(struct virtio_mmio_device *dev, unsigned queue,
			     uint32_t (*handle)(struct virtio_mmio_device *dev,
						const struct desc_chain *chain))
{
	struct virtqueue *vq = &dev->queues[queue];
	struct desc_chain chain;
	bool completed = false;
	enum virtqueue_next next = VIRTQUEUE_EMPTY;

	dev->backlog &= ~(1u << queue);
	for (uint32_t served = 0; served < vq->num; served++) {
		next = peek(dev, queue, &chain);
		if (next == VIRTQUEUE_EMPTY)
			break;
		uint32_t len = next == VIRTQUEUE_CHAIN ? handle(dev, &chain) : 0;
		virtio_mmio_complete(dev, queue, chain.head, len);
		completed = true;
	}
	if (next != VIRTQUEUE_EMPTY && virtqueue_has_available(vq))
		dev->backlog |= 1u << queue;
	virtio_mmio_finish_queue(dev, queue, completed);
}

void virtio_mmio_serve_backlog(struct virtio_mmio_device *dev)
{
	uint32_t backlog = dev->backlog;

	for (unsigned queue = 0; backlog; queue++, backlog >>= 1)
		if ((backlog & 1) && dev->queues[queue].ready)
			dev->ops->notify(dev, queue);
}
