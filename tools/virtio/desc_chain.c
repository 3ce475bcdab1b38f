#include "desc_chain.h"

#include <string.h>

/* Each field is loaded once: a guest rewriting the descriptor while it is
 * checked cannot make the checked and the used value differ. */
static struct virtq_desc read_desc(const struct virtq_desc *shared)
{
	const volatile struct virtq_desc *d = shared;
	struct virtq_desc copy = {
		.addr = d->addr,
		.len = d->len,
		.flags = d->flags,
		.next = d->next,
	};

	return copy;
}

enum desc_chain_error desc_chain_walk(const struct virtq_desc *table, uint32_t num,
				      uint16_t head, const struct zone_memory *memory,
				      struct desc_chain *chain)
{
	uint16_t index = head;
	uint64_t total = 0;

	chain->head = head;
	chain->num_readable = 0;
	chain->num_writable = 0;
	chain->readable_bytes = 0;
	chain->writable_bytes = 0;
	for (unsigned count = 0;; count++) {
		if (index >= num)
			return DESC_CHAIN_NEXT_OUT_OF_RANGE;
		/* A loop never ends, so it shows up as a chain longer than the table. */
		if (count == num || count == VIRTQUEUE_MAX_SIZE)
			return DESC_CHAIN_TOO_LONG;
		struct virtq_desc d = read_desc(&table[index]);
		if (d.flags & VIRTQ_DESC_F_INDIRECT)
			return DESC_CHAIN_INDIRECT;
		bool writable = d.flags & VIRTQ_DESC_F_WRITE;
		if (!writable && chain->num_writable)
			return DESC_CHAIN_READ_AFTER_WRITE;
		uint8_t *data = zone_memory_translate(memory, d.addr, d.len);
		if (!data)
			return DESC_CHAIN_OUTSIDE_ZONE;
		/* A used-ring length is 32 bits. */
		total += d.len;
		if (total > UINT32_MAX)
			return DESC_CHAIN_TOO_MANY_BYTES;
		chain->segments[count] = (struct desc_segment){ .data = data, .len = d.len };
		if (writable) {
			chain->num_writable++;
			chain->writable_bytes += d.len;
		} else {
			chain->num_readable++;
			chain->readable_bytes += d.len;
		}
		if (!(d.flags & VIRTQ_DESC_F_NEXT))
			return DESC_CHAIN_OK;
		index = d.next;
	}
}

const char *desc_chain_error_text(enum desc_chain_error error)
{
	switch (error) {
	case DESC_CHAIN_OK:
		return "valid";
	case DESC_CHAIN_OUTSIDE_ZONE:
		return "a buffer lies outside the zone's RAM";
	case DESC_CHAIN_NEXT_OUT_OF_RANGE:
		return "a next index is out of range";
	case DESC_CHAIN_TOO_LONG:
		return "longer than the queue (a loop)";
	case DESC_CHAIN_READ_AFTER_WRITE:
		return "a device-readable buffer follows a device-writable one";
	case DESC_CHAIN_INDIRECT:
		return "an indirect descriptor, which was not offered";
	case DESC_CHAIN_TOO_MANY_BYTES:
		return "more than 4 GiB in one chain";
	}
	return "unknown error";
}

void desc_chain_iov_consume(struct iovec **iov, size_t *count, size_t bytes)
{
	for (; *count && bytes >= (*iov)->iov_len; (*iov)++, (*count)--)
		bytes -= (*iov)->iov_len;
	if (*count) {
		(*iov)->iov_base = (uint8_t *)(*iov)->iov_base + bytes;
		(*iov)->iov_len -= bytes;
	}
}

size_t desc_chain_iov(const struct desc_chain *chain, bool writable, uint64_t offset,
		      uint64_t len, struct iovec iov[VIRTQUEUE_MAX_SIZE])
{
	unsigned first = writable ? chain->num_readable : 0;
	unsigned end = first + (writable ? chain->num_writable : chain->num_readable);
	size_t count = 0;

	for (unsigned i = first; i < end && len > 0; i++) {
		const struct desc_segment *s = &chain->segments[i];
		if (offset >= s->len) {
			offset -= s->len;
			continue;
		}
		uint64_t take = s->len - offset < len ? s->len - offset : len;
		iov[count++] = (struct iovec){ .iov_base = s->data + offset, .iov_len = take };
		len -= take;
		offset = 0;
	}
	return count;
}

uint64_t desc_chain_read(const struct desc_chain *chain, uint64_t offset, void *dst,
			 uint64_t len)
{
	struct iovec iov[VIRTQUEUE_MAX_SIZE];
	size_t count = desc_chain_iov(chain, false, offset, len, iov);
	uint64_t copied = 0;

	for (size_t i = 0; i < count; i++) {
		memcpy((uint8_t *)dst + copied, iov[i].iov_base, iov[i].iov_len);
		copied += iov[i].iov_len;
	}
	return copied;
}

uint64_t desc_chain_write(const struct desc_chain *chain, uint64_t offset, const void *src,
			  uint64_t len)
{
	struct iovec iov[VIRTQUEUE_MAX_SIZE];
	size_t count = desc_chain_iov(chain, true, offset, len, iov);
	uint64_t copied = 0;

	for (size_t i = 0; i < count; i++) {
		memcpy(iov[i].iov_base, (const uint8_t *)src + copied, iov[i].iov_len);
		copied += iov[i].iov_len;
	}
	return copied;
}
