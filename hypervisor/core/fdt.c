/* The structure block is a sequence of big-endian 32-bit tokens; node names
 * and property values are padded to 4 bytes, property names live in the
 * strings block. */
#include "fdt.h"

#include "cstring.h"

#define FDT_MAGIC       0xd00dfeedu
#define FDT_BEGIN_NODE  1u
#define FDT_END_NODE    2u
#define FDT_PROP        3u
#define FDT_NOP         4u
#define FDT_END         9u
#define HEADER_SIZE     40u
/* Longer than any name a caller looks for: bounds the comparison. */
#define MAX_EXPECTED_NAME 64

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

uint64_t fdt_cells(const uint8_t *value, uint32_t len)
{
	return len == 8 ? (uint64_t)be32(value) << 32 | be32(value + 4) : be32(value);
}

static size_t align4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

static bool within(size_t offset, size_t len, size_t limit)
{
	return offset <= limit && len <= limit - offset;
}

bool fdt_walk_start(struct fdt_walk *w, const void *blob, size_t size)
{
	const uint8_t *b = blob;

	if (size < HEADER_SIZE || be32(b) != FDT_MAGIC)
		return false;
	size_t total = be32(b + 4), off_struct = be32(b + 8), off_strings = be32(b + 12);
	size_t size_strings = be32(b + 32), size_struct = be32(b + 36);
	if (total > size || !within(off_struct, size_struct, total) ||
	    !within(off_strings, size_strings, total))
		return false;
	*w = (struct fdt_walk){
		.blob = b,
		.pos = off_struct,
		.structs_end = off_struct + size_struct,
		.strings = off_strings,
		.strings_end = off_strings + size_strings,
	};
	return true;
}

size_t fdt_total_size(const void *blob, size_t size)
{
	struct fdt_walk w;

	return fdt_walk_start(&w, blob, size) ? be32((const uint8_t *)blob + 4) : 0;
}

/* The NUL-terminated string at `offset` within [offset, limit), or NULL. */
static const char *string_at(const struct fdt_walk *w, size_t offset, size_t limit, size_t *len)
{
	if (offset >= limit)
		return NULL;
	*len = strnlen((const char *)w->blob + offset, limit - offset);
	return *len < limit - offset ? (const char *)w->blob + offset : NULL;
}

/* Ends the walk: a later call reads nothing more. */
static struct fdt_token stop(struct fdt_walk *w, enum fdt_token_kind kind)
{
	w->pos = w->structs_end;
	return (struct fdt_token){ .kind = kind };
}

static struct fdt_token begin_node(struct fdt_walk *w)
{
	size_t len;
	const char *name = string_at(w, w->pos, w->structs_end, &len);

	if (!name)
		return stop(w, FDT_MALFORMED);
	w->pos += align4(len + 1);
	w->depth++;
	w->after_child = false;
	return (struct fdt_token){ .kind = FDT_NODE_BEGIN, .depth = w->depth, .name = name,
				   .name_len = len };
}

static struct fdt_token end_node(struct fdt_walk *w)
{
	if (w->depth == 0)
		return stop(w, FDT_MALFORMED);
	struct fdt_token t = { .kind = FDT_NODE_END, .depth = w->depth };
	w->depth--;
	w->after_child = true;
	return t;
}

/* A node's properties come before its children: a reader may then rely on,
 * say, #address-cells being known when it reaches the children. */
static struct fdt_token property(struct fdt_walk *w)
{
	size_t name_len;

	if (w->depth == 0 || w->after_child || !within(w->pos, 8, w->structs_end))
		return stop(w, FDT_MALFORMED);
	uint32_t value_len = be32(w->blob + w->pos);
	size_t name_off = w->strings + be32(w->blob + w->pos + 4);
	w->pos += 8;
	const char *name = string_at(w, name_off, w->strings_end, &name_len);
	if (!within(w->pos, value_len, w->structs_end) || !name)
		return stop(w, FDT_MALFORMED);
	struct fdt_token t = { .kind = FDT_PROPERTY, .depth = w->depth, .name = name,
			       .name_len = name_len, .value = w->blob + w->pos,
			       .value_len = value_len };
	w->pos += align4(value_len);
	return t;
}

struct fdt_token fdt_walk_next(struct fdt_walk *w)
{
	for (;;) {
		if (!within(w->pos, 4, w->structs_end))
			return stop(w, FDT_MALFORMED);
		uint32_t token = be32(w->blob + w->pos);
		w->pos += 4;
		switch (token) {
		case FDT_BEGIN_NODE:
			return begin_node(w);
		case FDT_END_NODE:
			return end_node(w);
		case FDT_PROP:
			return property(w);
		case FDT_NOP:
			continue;
		case FDT_END:
			return stop(w, w->depth == 0 ? FDT_DONE : FDT_MALFORMED);
		default:
			return stop(w, FDT_MALFORMED);
		}
	}
}

bool fdt_name_is(const struct fdt_token *t, const char *expected)
{
	size_t n = strnlen(expected, MAX_EXPECTED_NAME);

	return t->name_len == n && memcmp(t->name, expected, n) == 0;
}
