#include "virtio_net.h"

#include <errno.h>
#include <linux/if_tun.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* A frame is at most a 64 KiB IP packet (a TSO one, or the largest MTU
 * Linux allows) behind an Ethernet header with a VLAN tag. */
#define FRAME_MAX (65536 + 18)

/* Frames taken per readable event, so the bridge ring is not kept waiting. */
#define RX_BUDGET 64

#define HEADER_NUM_BUFFERS 10       /* offset of num_buffers in the header */

struct virtio_net {
	struct virtio_mmio_device dev;  /* first: ops get this */
	int tap_fd;
	bool guest_takes_csum;          /* as negotiated, not as the guest rewrites it */
	unsigned tap_offloads;          /* TUN_F_*: what the TAP was last told */
	struct log_limit offload_errors;
	unsigned long tx_dropped;
	unsigned long rx_dropped;
	uint8_t frame[VIRTIO_NET_HEADER_BYTES + FRAME_MAX]; /* received, behind its header */
};

static uint32_t transmit(struct virtio_mmio_device *dev, const struct desc_chain *chain)
{
	struct virtio_net *net = (struct virtio_net *)dev;

	if (chain->num_writable || chain->readable_bytes < VIRTIO_NET_HEADER_BYTES ||
	    chain->readable_bytes - VIRTIO_NET_HEADER_BYTES > FRAME_MAX) {
		log_limited(&dev->guest_errors, LOG_LEVEL_WARN,
			    "%s: transmit chain of %llu readable and %llu writable bytes dropped",
			    dev->label, (unsigned long long)chain->readable_bytes,
			    (unsigned long long)chain->writable_bytes);
		net->tx_dropped++;
		return 0;
	}
	/* The guest's header goes to the TAP with the frame, straight from the
	 * guest's buffers: zone0's kernel finishes the checksum and segments a
	 * TSO frame as the header says. */
	struct iovec iov[VIRTQUEUE_MAX_SIZE];
	size_t count = desc_chain_iov(chain, false, 0, chain->readable_bytes, iov);
	/* A full TAP queue drops the frame, as a busy wire would. */
	if (writev(net->tap_fd, iov, (int)count) != (ssize_t)chain->readable_bytes) {
		net->tx_dropped++;
		log_limited(&dev->guest_errors, LOG_LEVEL_DEBUG, "%s: frame dropped (%lu so far): %s",
			    dev->label, net->tx_dropped, strerror(errno));
	}
	return 0;
}

static void notify(struct virtio_mmio_device *dev, unsigned queue)
{
	/* New receive buffers need nothing here: the daemon loop polls the TAP
	 * again now that virtio_mmio_wants_input says so. */
	if (queue == VIRTIO_NET_TX)
		virtio_mmio_serve_queue(dev, queue, transmit);
}

/* Reads one frame with its TAP header into net->frame; the frame's length,
 * 0 if there is none now, -1 if the TAP failed or ended (it would then be
 * readable forever). */
static ssize_t read_frame(struct virtio_net *net)
{
	ssize_t n = read(net->tap_fd, net->frame, sizeof(net->frame));

	if (n > VIRTIO_NET_HEADER_BYTES)
		return n - VIRTIO_NET_HEADER_BYTES;
	if (n > 0)
		return 0;
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	log_error("%s: reading from %s: %s; receiving stops", net->dev.label, net->dev.backing,
		  n ? strerror(errno) : "end of file");
	return -1;
}

/* One received frame into one chain of device-writable buffers. A frame
 * larger than the chain is dropped and the chain kept for the next one. */
static void input(struct virtio_mmio_device *dev)
{
	struct virtio_net *net = (struct virtio_net *)dev;
	bool completed = false;

	for (unsigned budget = RX_BUDGET; budget; budget--) {
		struct desc_chain chain;
		enum virtqueue_next next = virtio_mmio_peek_receive(dev, VIRTIO_NET_RX, &chain);
		if (next == VIRTQUEUE_EMPTY)
			break;
		if (next == VIRTQUEUE_BAD_CHAIN) {
			virtio_mmio_complete(dev, VIRTIO_NET_RX, chain.head, 0);
			completed = true;
			continue;
		}
		ssize_t n = read_frame(net);
		if (n < 0)
			dev->input_fd = -1;
		if (n <= 0)
			break;
		uint64_t len = VIRTIO_NET_HEADER_BYTES + (uint64_t)n;
		if (len > chain.writable_bytes) {
			net->rx_dropped++;
			log_limited(&dev->guest_errors, LOG_LEVEL_WARN,
				    "%s: %zd-byte frame dropped: receive buffers of %llu bytes",
				    dev->label, n, (unsigned long long)chain.writable_bytes);
			continue;
		}
		/* The TAP offloads to the guest only what it negotiated
		 * (features_changed); without the checksum offload even the
		 * header's DATA_VALID hint is not the guest's to read. The TAP
		 * writes only the first 10 bytes of the 12, so num_buffers would
		 * otherwise hold the previous frame's bytes. */
		if (!net->guest_takes_csum)
			memset(net->frame, 0, VIRTIO_NET_HEADER_BYTES);
		net->frame[HEADER_NUM_BUFFERS] = 1;
		net->frame[HEADER_NUM_BUFFERS + 1] = 0;
		desc_chain_write(&chain, 0, net->frame, len);
		virtio_mmio_complete(dev, VIRTIO_NET_RX, chain.head, (uint32_t)len);
		completed = true;
	}
	virtio_mmio_finish_queue(dev, VIRTIO_NET_RX, completed);
}

unsigned virtio_net_tap_offloads(uint64_t driver_features)
{
	unsigned offloads = 0;

	/* The kernel refuses segmentation offloads without the checksum one. */
	if (!(driver_features & VIRTIO_NET_F_GUEST_CSUM))
		return 0;
	offloads |= TUN_F_CSUM;
	if (driver_features & VIRTIO_NET_F_GUEST_TSO4)
		offloads |= TUN_F_TSO4;
	if (driver_features & VIRTIO_NET_F_GUEST_TSO6)
		offloads |= TUN_F_TSO6;
	return offloads;
}

/* The TAP hands the guest partly checksummed and unsegmented frames only
 * if the guest said it takes them; a reset takes that back. */
static void features_changed(struct virtio_mmio_device *dev)
{
	struct virtio_net *net = (struct virtio_net *)dev;
	unsigned offloads = virtio_net_tap_offloads(dev->driver_features);

	net->guest_takes_csum = dev->driver_features & VIRTIO_NET_F_GUEST_CSUM;
	if (offloads == net->tap_offloads)
		return;
	if (ioctl(net->tap_fd, TUNSETOFFLOAD, offloads) == 0)
		net->tap_offloads = offloads;
	else
		log_limited(&net->offload_errors, LOG_LEVEL_WARN,
			    "%s: %s refused offloads 0x%x: %s; it keeps 0x%x", dev->label,
			    dev->backing, offloads, strerror(errno), net->tap_offloads);
}

static void destroy(struct virtio_mmio_device *dev)
{
	struct virtio_net *net = (struct virtio_net *)dev;

	if (net->tx_dropped || net->rx_dropped)
		log_info("%s: %lu frames dropped on transmit, %lu on receive", dev->label,
			 net->tx_dropped, net->rx_dropped);
	close(net->tap_fd);
	free(net);
}

static const struct virtio_device_ops net_ops = {
	.name = "net",
	.device_id = VIRTIO_ID_NET,
	.features = VIRTIO_F_VERSION_1 | VIRTIO_NET_F_MAC | VIRTIO_NET_F_CSUM |
		    VIRTIO_NET_F_HOST_TSO4 | VIRTIO_NET_F_HOST_TSO6 | VIRTIO_NET_F_GUEST_CSUM |
		    VIRTIO_NET_F_GUEST_TSO4 | VIRTIO_NET_F_GUEST_TSO6,
	.num_queues = 2,
	.notify = notify,
	.input = input,
	.features_changed = features_changed,
	.destroy = destroy,
};

struct virtio_mmio_device *virtio_net_create(const struct virtio_device_setup *setup,
					     int tap_fd, const uint8_t mac[6])
{
	struct virtio_net *net = calloc(1, sizeof(*net));

	if (!net)
		return NULL;
	virtio_mmio_device_init(&net->dev, &net_ops, setup);
	net->tap_fd = tap_fd;
	net->dev.input_fd = tap_fd;
	/* struct virtio_net_config begins with the MAC address. */
	memcpy(net->dev.config, mac, 6);
	net->dev.config_size = 6;
	return &net->dev;
}
