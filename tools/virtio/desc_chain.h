/* One request as a guest posts it: a chain of descriptors in a queue's
 * descriptor table, each naming a buffer in the guest's RAM. Walking it
 * copies every descriptor once (the guest may rewrite the table meanwhile),
 * translates every buffer through the zone's memory map, and refuses chains
 * no correct driver builds, so a device sees only buffers it may touch. */
#ifndef DESC_CHAIN_H
#define DESC_CHAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

#include "virtio_spec.h"
#include "zone_memory.h"

/* The QueueNumMax every queue offers, and so the longest valid chain. */
#define VIRTQUEUE_MAX_SIZE 256

enum desc_chain_error {
	DESC_CHAIN_OK,
	DESC_CHAIN_OUTSIDE_ZONE,
	DESC_CHAIN_NEXT_OUT_OF_RANGE,
	DESC_CHAIN_TOO_LONG,
	DESC_CHAIN_READ_AFTER_WRITE,
	DESC_CHAIN_INDIRECT,
	DESC_CHAIN_TOO_MANY_BYTES,
};

struct desc_segment {
	uint8_t *data;          /* inside the zone's mapped RAM */
	uint32_t len;
};

/* The device-readable segments come first, then the device-writable ones,
 * as the spec requires of drivers. */
struct desc_chain {
	uint16_t head;
	unsigned num_readable;
	unsigned num_writable;
	uint64_t readable_bytes;
	uint64_t writable_bytes;
	struct desc_segment segments[VIRTQUEUE_MAX_SIZE];
};

/* Walks the chain starting at `head` of a table of `num` descriptors
 * (num <= VIRTQUEUE_MAX_SIZE). chain->head is set even on failure, so the
 * caller can hand the chain back. */
enum desc_chain_error desc_chain_walk(const struct virtq_desc *table, uint32_t num,
				      uint16_t head, const struct zone_memory *memory,
				      struct desc_chain *chain);

/* "next index out of range", for logs. */
const char *desc_chain_error_text(enum desc_chain_error error);

/* The part [offset, offset + len) of the readable or the writable bytes as
 * at most VIRTQUEUE_MAX_SIZE iovecs (fewer bytes if the chain is shorter). */
size_t desc_chain_iov(const struct desc_chain *chain, bool writable, uint64_t offset,
		      uint64_t len, struct iovec iov[VIRTQUEUE_MAX_SIZE]);

/* Drops the first `bytes` of the `*count` iovecs at *iov, as a partial
 * readv or writev leaves them: whole ones go, a partly done one shrinks;
 * empty ones left at the front go too. */
void desc_chain_iov_consume(struct iovec **iov, size_t *count, size_t bytes);

/* Copies out of the readable bytes, or into the writable ones; each returns
 * how many bytes it copied. */
uint64_t desc_chain_read(const struct desc_chain *chain, uint64_t offset, void *dst,
			 uint64_t len);
uint64_t desc_chain_write(const struct desc_chain *chain, uint64_t offset, const void *src,
			  uint64_t len);

#endif
