#include "virtio_blk.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "blk_image.h"

#define BLK_T_IN     0u
#define BLK_T_OUT    1u
#define BLK_T_FLUSH  4u
#define BLK_T_GET_ID 8u

#define BLK_S_OK     0u
#define BLK_S_IOERR  1u
#define BLK_S_UNSUPP 2u

#define BLK_ID       "tessera-blk"
#define BLK_ID_BYTES 20

/* Data buffers per request. Without it Linux sends one buffer (a page) per
 * request; with it a request takes up to SEG_MAX + 2 descriptors, and
 * without indirect descriptors several must fit in one queue. */
#define BLK_SEG_MAX  (VIRTQUEUE_MAX_SIZE / 4 - 2)

/* struct virtio_blk_config as far as the features offered give it a
 * meaning: the capacity in sectors, size_max (unused), seg_max. */
#define BLK_CONFIG_CAPACITY 0
#define BLK_CONFIG_SEG_MAX  12
#define BLK_CONFIG_BYTES    16

struct blk_request_header {
	uint32_t type;
	uint32_t reserved;
	uint64_t sector;
};

struct virtio_blk {
	struct virtio_mmio_device dev;  /* first: ops get this */
	int fd;
	uint64_t capacity;              /* in sectors */
};

/* Reads into (`in`) or writes from the `count` buffers of `iov` at `pos`,
 * all of them, with one call per request rather than one per buffer (up
 * to BLK_SEG_MAX pages): 0, or an errno; an image that ends early is EIO.
 * *failed_at is where the image stopped. */
static int transfer_fully(int fd, bool in, struct iovec *iov, size_t count, off_t pos,
			  off_t *failed_at)
{
	desc_chain_iov_consume(&iov, &count, 0);
	while (count) {
		ssize_t n = in ? preadv(fd, iov, (int)count, pos) : pwritev(fd, iov, (int)count, pos);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			*failed_at = pos;
			return n < 0 ? errno : EIO;
		}
		pos += n;
		desc_chain_iov_consume(&iov, &count, (size_t)n);
	}
	return 0;
}

/* Moves `len` bytes between the image at `sector` and the chain's data
 * buffers: the writable ones for IN, the readable ones after the header
 * for OUT. */
static uint8_t transfer(struct virtio_blk *blk, const struct desc_chain *chain, bool in,
			uint64_t sector, uint64_t len)
{
	struct iovec iov[VIRTQUEUE_MAX_SIZE];

	if (len % BLK_SECTOR_SIZE) {
		log_limited(&blk->dev.guest_errors, LOG_LEVEL_WARN,
			    "%s: %s of %" PRIu64 " bytes refused: not whole %d-byte sectors",
			    blk->dev.label, in ? "read" : "write", len, BLK_SECTOR_SIZE);
		return BLK_S_IOERR;
	}
	if (sector > blk->capacity || len / BLK_SECTOR_SIZE > blk->capacity - sector) {
		log_limited(&blk->dev.guest_errors, LOG_LEVEL_WARN,
			    "%s: %s of %" PRIu64 " bytes at sector %" PRIu64 " refused: the image has %" PRIu64 " sectors",
			    blk->dev.label, in ? "read" : "write", len, sector, blk->capacity);
		return BLK_S_IOERR;
	}
	size_t count = desc_chain_iov(chain, in, in ? 0 : sizeof(struct blk_request_header), len,
				      iov);
	off_t failed_at;
	int err = transfer_fully(blk->fd, in, iov, count, (off_t)(sector * BLK_SECTOR_SIZE),
				 &failed_at);
	if (err) {
		log_limited(&blk->dev.guest_errors, LOG_LEVEL_ERROR, "%s: %s at byte %lld: %s",
			    blk->dev.label, in ? "read" : "write", (long long)failed_at,
			    strerror(err));
		return BLK_S_IOERR;
	}
	return BLK_S_OK;
}

static uint8_t flush(struct virtio_blk *blk)
{
	if (fdatasync(blk->fd) == 0)
		return BLK_S_OK;
	log_error("%s: fdatasync: %s", blk->dev.label, strerror(errno));
	return BLK_S_IOERR;
}

/* A read's data must be device-writable, a write's device-readable. */
static uint8_t wrong_direction(struct virtio_blk *blk, const char *request)
{
	log_limited(&blk->dev.guest_errors, LOG_LEVEL_WARN,
		    "%s: %s request whose data buffers point the wrong way refused",
		    blk->dev.label, request);
	return BLK_S_IOERR;
}

/* The status of one request whose last writable byte is the status byte;
 * *written grows by the data put into the guest's buffers. */
static uint8_t execute(struct virtio_blk *blk, const struct desc_chain *chain, uint64_t data_in,
		       uint32_t *written)
{
	struct blk_request_header header;
	uint8_t status;

	if (desc_chain_read(chain, 0, &header, sizeof(header)) != sizeof(header)) {
		log_limited(&blk->dev.guest_errors, LOG_LEVEL_WARN, "%s: request header too short",
			    blk->dev.label);
		return BLK_S_IOERR;
	}
	uint64_t data_out = chain->readable_bytes - sizeof(header);
	switch (header.type) {
	case BLK_T_IN:
		if (data_out)
			return wrong_direction(blk, "read");
		status = transfer(blk, chain, true, header.sector, data_in);
		if (status == BLK_S_OK)
			*written += (uint32_t)data_in;
		return status;
	case BLK_T_OUT:
		if (data_in)
			return wrong_direction(blk, "write");
		return transfer(blk, chain, false, header.sector, data_out);
	case BLK_T_FLUSH:
		return flush(blk);
	case BLK_T_GET_ID: {
		char id[BLK_ID_BYTES] = BLK_ID;
		*written += (uint32_t)desc_chain_write(chain, 0, id,
						       data_in < sizeof(id) ? data_in : sizeof(id));
		return BLK_S_OK;
	}
	default:
		return BLK_S_UNSUPP;
	}
}

static uint32_t handle_request(struct virtio_mmio_device *dev, const struct desc_chain *chain)
{
	uint32_t written = 0;

	if (chain->writable_bytes == 0) {
		log_limited(&dev->guest_errors, LOG_LEVEL_WARN,
			    "%s: request without a status byte returned unused", dev->label);
		return 0;
	}
	uint64_t status_at = chain->writable_bytes - 1;
	uint8_t status = execute((struct virtio_blk *)dev, chain, status_at, &written);
	desc_chain_write(chain, status_at, &status, 1);
	return written + 1;
}

static void notify(struct virtio_mmio_device *dev, unsigned queue)
{
	virtio_mmio_serve_queue(dev, queue, handle_request);
}

static void destroy(struct virtio_mmio_device *dev)
{
	struct virtio_blk *blk = (struct virtio_blk *)dev;

	flush(blk);
	close(blk->fd);
	free(blk);
}

static const struct virtio_device_ops blk_ops = {
	.name = "blk",
	.device_id = VIRTIO_ID_BLOCK,
	.features = VIRTIO_F_VERSION_1 | VIRTIO_BLK_F_SEG_MAX | VIRTIO_BLK_F_FLUSH,
	.num_queues = 1,
	.notify = notify,
	.destroy = destroy,
};

struct virtio_mmio_device *virtio_blk_create(const struct virtio_device_setup *setup,
					     int image_fd, uint64_t image_bytes)
{
	struct virtio_blk *blk = calloc(1, sizeof(*blk));

	if (!blk)
		return NULL;
	virtio_mmio_device_init(&blk->dev, &blk_ops, setup);
	blk->fd = image_fd;
	blk->capacity = image_bytes / BLK_SECTOR_SIZE;
	uint32_t seg_max = BLK_SEG_MAX;
	memcpy(blk->dev.config + BLK_CONFIG_CAPACITY, &blk->capacity, sizeof(blk->capacity));
	memcpy(blk->dev.config + BLK_CONFIG_SEG_MAX, &seg_max, sizeof(seg_max));
	blk->dev.config_size = BLK_CONFIG_BYTES;
	return &blk->dev;
}
