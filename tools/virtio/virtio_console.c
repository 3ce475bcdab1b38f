#include "virtio_console.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

/* Keystrokes taken per readable event, so the bridge ring is not kept waiting. */
#define RX_BUDGET 16
#define RX_CHUNK 4096

/* struct virtio_console_config: cols, rows, max_nr_ports, emerg_wr; all
 * zero without the features that give them a meaning. */
#define CONFIG_BYTES 12

struct virtio_console {
	struct virtio_mmio_device dev;  /* first: ops get this */
	struct console_pty pty;
	unsigned long long dropped;     /* output bytes nobody took */
	uint8_t chunk[RX_CHUNK];
};

static uint32_t transmit(struct virtio_mmio_device *dev, const struct desc_chain *chain)
{
	struct virtio_console *console = (struct virtio_console *)dev;
	struct iovec iov[VIRTQUEUE_MAX_SIZE];
	size_t count = desc_chain_iov(chain, false, 0, chain->readable_bytes, iov);
	ssize_t n = count ? writev(console->pty.master_fd, iov, (int)count) : 0;
	uint64_t sent = n > 0 ? (uint64_t)n : 0;

	if (sent < chain->readable_bytes) {
		console->dropped += chain->readable_bytes - sent;
		log_limited(&dev->guest_errors, LOG_LEVEL_DEBUG,
			    "%s: output dropped, %llu bytes so far (nobody is reading %s)",
			    dev->label, console->dropped, dev->backing);
	}
	return 0;
}

static void notify(struct virtio_mmio_device *dev, unsigned queue)
{
	/* New receive buffers need nothing here: the daemon loop polls the PTY
	 * again now that virtio_mmio_wants_input says so. */
	if (queue == VIRTIO_CONSOLE_TX)
		virtio_mmio_serve_queue(dev, queue, transmit);
}

/* What the PTY has, up to the size of the chain; 0 if nothing now, -1 if
 * the PTY failed or ended (it would then be readable forever). */
static ssize_t read_keys(struct virtio_console *console, uint64_t room)
{
	size_t len = room < sizeof(console->chunk) ? (size_t)room : sizeof(console->chunk);
	ssize_t n = read(console->pty.master_fd, console->chunk, len);

	if (n > 0)
		return n;
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	log_error("%s: reading from %s: %s; input stops", console->dev.label,
		  console->dev.backing, n ? strerror(errno) : "end of file");
	return -1;
}

static void input(struct virtio_mmio_device *dev)
{
	struct virtio_console *console = (struct virtio_console *)dev;
	bool completed = false;

	for (unsigned budget = RX_BUDGET; budget; budget--) {
		struct desc_chain chain;
		enum virtqueue_next next = virtio_mmio_peek_receive(dev, VIRTIO_CONSOLE_RX, &chain);
		if (next == VIRTQUEUE_EMPTY)
			break;
		if (next == VIRTQUEUE_BAD_CHAIN) {
			virtio_mmio_complete(dev, VIRTIO_CONSOLE_RX, chain.head, 0);
			completed = true;
			continue;
		}
		ssize_t n = read_keys(console, chain.writable_bytes);
		if (n < 0)
			dev->input_fd = -1;
		if (n <= 0)
			break;
		desc_chain_write(&chain, 0, console->chunk, (uint64_t)n);
		virtio_mmio_complete(dev, VIRTIO_CONSOLE_RX, chain.head, (uint32_t)n);
		completed = true;
	}
	virtio_mmio_finish_queue(dev, VIRTIO_CONSOLE_RX, completed);
}

static void destroy(struct virtio_mmio_device *dev)
{
	struct virtio_console *console = (struct virtio_console *)dev;

	if (console->dropped)
		log_info("%s: %llu output bytes dropped while nobody was reading", dev->label,
			 console->dropped);
	console_pty_close(&console->pty);
	free(console);
}

static const struct virtio_device_ops console_ops = {
	.name = "console",
	.device_id = VIRTIO_ID_CONSOLE,
	.features = VIRTIO_F_VERSION_1,
	.num_queues = 2,
	.notify = notify,
	.input = input,
	.destroy = destroy,
};

struct virtio_mmio_device *virtio_console_create(const struct virtio_device_setup *setup,
						 const struct console_pty *pty)
{
	struct virtio_console *console = calloc(1, sizeof(*console));

	if (!console)
		return NULL;
	virtio_mmio_device_init(&console->dev, &console_ops, setup);
	console->pty = *pty;
	console->dev.input_fd = pty->master_fd;
	console->dev.config_size = CONFIG_BYTES;
	return &console->dev;
}
