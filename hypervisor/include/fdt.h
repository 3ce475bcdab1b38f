/* Walking a flattened device tree token by token (devicetree specification,
 * v0.4, chapter 5). The blob is untrusted: the header's sizes are checked
 * against the caller's, and every token, name and value against them. */
#ifndef FDT_H
#define FDT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum fdt_token_kind {
	FDT_NODE_BEGIN,
	FDT_NODE_END,
	FDT_PROPERTY,
	FDT_DONE,       /* the structure block's end token */
	FDT_MALFORMED,  /* anything outside the blob, or out of order: stop reading */
};

struct fdt_token {
	enum fdt_token_kind kind;
	unsigned depth;         /* of the node the token opens, closes or belongs to; root 1 */
	const char *name;       /* node or property name, NUL-terminated inside the blob */
	size_t name_len;
	const uint8_t *value;   /* a property's value, value_len bytes inside the blob */
	uint32_t value_len;
};

struct fdt_walk {
	const uint8_t *blob;
	size_t pos, structs_end;
	size_t strings, strings_end;
	unsigned depth;
	bool after_child;       /* the current node has had a child: no more properties */
};

/* The total size the blob's header claims, or 0 if it is not a DTB that
 * fits in `size` bytes. */
size_t fdt_total_size(const void *blob, size_t size);
/* False if the blob is not a DTB that fits in `size` bytes. */
bool fdt_walk_start(struct fdt_walk *w, const void *blob, size_t size);
/* The next token (NOPs skipped). After FDT_DONE or FDT_MALFORMED, stop. */
struct fdt_token fdt_walk_next(struct fdt_walk *w);

bool fdt_name_is(const struct fdt_token *t, const char *expected);
/* A property value of one (4 bytes) or two (8 bytes) big-endian cells. */
uint64_t fdt_cells(const uint8_t *value, uint32_t len);

#endif
