/* A single pass over the structure block (devicetree specification, v0.4,
 * chapter 5): tokens are big-endian 32-bit words, node names and property
 * values are padded to 4 bytes. */
#include "fdt_chosen.h"

#include "cstring.h"

#define FDT_MAGIC       0xd00dfeedu
#define FDT_BEGIN_NODE  1u
#define FDT_END_NODE    2u
#define FDT_PROP        3u
#define FDT_NOP         4u
#define FDT_END         9u
#define HEADER_SIZE     40u

struct fdt {
	const uint8_t *blob;
	size_t size;
	size_t structs, structs_end;
	size_t strings, strings_end;
};

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t be_cells(const uint8_t *p, uint32_t len)
{
	return len == 8 ? (uint64_t)be32(p) << 32 | be32(p + 4) : be32(p);
}

static size_t align4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

static bool within(size_t offset, size_t len, size_t limit)
{
	return offset <= limit && len <= limit - offset;
}

static bool open_fdt(struct fdt *f, const void *blob, size_t size)
{
	const uint8_t *b = blob;

	if (size < HEADER_SIZE || be32(b) != FDT_MAGIC)
		return false;
	size_t total = be32(b + 4), off_struct = be32(b + 8), off_strings = be32(b + 12);
	size_t size_strings = be32(b + 32), size_struct = be32(b + 36);
	if (total > size || !within(off_struct, size_struct, total) ||
	    !within(off_strings, size_strings, total))
		return false;
	*f = (struct fdt){ b, total, off_struct, off_struct + size_struct, off_strings,
			   off_strings + size_strings };
	return true;
}

size_t fdt_total_size(const void *blob, size_t size)
{
	struct fdt f;

	return open_fdt(&f, blob, size) ? f.size : 0;
}

/* The NUL-terminated string at `offset` within [offset, limit), or NULL. */
static const char *string_at(const struct fdt *f, size_t offset, size_t limit, size_t *len)
{
	if (offset >= limit)
		return NULL;
	*len = strnlen((const char *)f->blob + offset, limit - offset);
	return *len < limit - offset ? (const char *)f->blob + offset : NULL;
}

static bool name_is(const char *s, size_t len, const char *expected)
{
	size_t n = strnlen(expected, 64);

	return len == n && memcmp(s, expected, n) == 0;
}

bool fdt_initrd_range(const void *blob, size_t size, uint64_t *start, uint64_t *end)
{
	struct fdt f;
	size_t pos, len;
	unsigned depth = 0;
	bool in_chosen = false, have_start = false, have_end = false;

	if (!open_fdt(&f, blob, size))
		return false;
	for (pos = f.structs; within(pos, 4, f.structs_end);) {
		uint32_t token = be32(f.blob + pos);
		pos += 4;
		if (token == FDT_BEGIN_NODE) {
			const char *name = string_at(&f, pos, f.structs_end, &len);
			if (!name)
				return false;
			depth++;
			in_chosen = depth == 2 && name_is(name, len, "chosen");
			pos += align4(len + 1);
		} else if (token == FDT_END_NODE) {
			if (depth == 0)
				return false;
			depth--;
			in_chosen = false;
		} else if (token == FDT_PROP) {
			if (!within(pos, 8, f.structs_end))
				return false;
			uint32_t value_len = be32(f.blob + pos);
			size_t name_off = f.strings + be32(f.blob + pos + 4);
			pos += 8;
			if (!within(pos, value_len, f.structs_end))
				return false;
			const char *name = string_at(&f, name_off, f.strings_end, &len);
			if (!name)
				return false;
			if (in_chosen && (value_len == 4 || value_len == 8)) {
				if (name_is(name, len, "linux,initrd-start")) {
					*start = be_cells(f.blob + pos, value_len);
					have_start = true;
				} else if (name_is(name, len, "linux,initrd-end")) {
					*end = be_cells(f.blob + pos, value_len);
					have_end = true;
				}
			}
			pos += align4(value_len);
		} else if (token == FDT_END) {
			break;
		} else if (token != FDT_NOP) {
			return false;
		}
	}
	return have_start && have_end && *start < *end;
}
