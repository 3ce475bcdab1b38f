/* Reading /chosen's initrd range from an untrusted DTB. The blobs are built
 * here token by token, so each test states exactly what it feeds in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "fdt.h"
#include "fdt_chosen.h"

#define BEGIN_NODE 1
#define END_NODE   2
#define PROP       3
#define NOP        4
#define END        9

struct builder {
	uint8_t blob[1024];
	size_t structs;     /* bytes of the structure block so far */
	char strings[256];
	size_t strings_len;
};

static uint8_t *at(struct builder *b)
{
	return b->blob + 40 + b->structs;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static void token(struct builder *b, uint32_t t)
{
	put32(at(b), t);
	b->structs += 4;
}

static void begin_node(struct builder *b, const char *name)
{
	size_t len = strlen(name) + 1;

	token(b, BEGIN_NODE);
	memset(at(b), 0, (len + 3) & ~3u);
	memcpy(at(b), name, len);
	b->structs += (len + 3) & ~3u;
}

static void prop(struct builder *b, const char *name, const void *value, uint32_t len)
{
	token(b, PROP);
	put32(at(b), len);
	put32(at(b) + 4, (uint32_t)b->strings_len);
	b->structs += 8;
	memset(at(b), 0, (len + 3) & ~3u);
	memcpy(at(b), value, len);
	b->structs += (len + 3) & ~3u;
	strcpy(b->strings + b->strings_len, name);
	b->strings_len += strlen(name) + 1;
}

static void prop_u64(struct builder *b, const char *name, uint64_t v)
{
	uint8_t cells[8];

	put32(cells, (uint32_t)(v >> 32));
	put32(cells + 4, (uint32_t)v);
	prop(b, name, cells, 8);
}

static void prop_u32(struct builder *b, const char *name, uint32_t v)
{
	uint8_t cell[4];

	put32(cell, v);
	prop(b, name, cell, 4);
}

/* Lays out header, structure block and strings; returns the total size. */
static size_t finish(struct builder *b)
{
	size_t off_strings = 40 + b->structs;
	size_t total = off_strings + b->strings_len;

	memcpy(b->blob + off_strings, b->strings, b->strings_len);
	put32(b->blob, 0xd00dfeed);
	put32(b->blob + 4, (uint32_t)total);
	put32(b->blob + 8, 40);
	put32(b->blob + 12, (uint32_t)off_strings);
	put32(b->blob + 32, (uint32_t)b->strings_len);
	put32(b->blob + 36, (uint32_t)b->structs);
	return total;
}

static size_t chosen_with_initrd(struct builder *b, uint64_t start, uint64_t end)
{
	memset(b, 0, sizeof(*b));
	begin_node(b, "");
	begin_node(b, "cpus");
	prop_u64(b, "linux,initrd-start", 0x1000);
	token(b, END_NODE);
	begin_node(b, "chosen");
	prop(b, "bootargs", "console=ttyAMA0", 16);
	token(b, NOP);
	prop_u64(b, "linux,initrd-start", start);
	prop_u32(b, "linux,initrd-end", (uint32_t)end);
	token(b, END_NODE);
	token(b, END_NODE);
	token(b, END);
	return finish(b);
}

static void finds_the_range_in_chosen_only(void **state)
{
	struct builder b;
	size_t size = chosen_with_initrd(&b, 0x58000000, 0x58200000);
	uint64_t start = 0, end = 0;

	(void)state;
	assert_int_equal(fdt_total_size(b.blob, size), size);
	assert_true(fdt_initrd_range(b.blob, size, &start, &end));
	assert_int_equal(start, 0x58000000);
	assert_int_equal(end, 0x58200000);
}

static void no_initrd_without_both_properties(void **state)
{
	struct builder b;
	uint64_t start, end;

	(void)state;
	memset(&b, 0, sizeof(b));
	begin_node(&b, "");
	begin_node(&b, "chosen");
	prop_u64(&b, "linux,initrd-start", 0x58000000);
	token(&b, END_NODE);
	token(&b, END_NODE);
	token(&b, END);
	assert_false(fdt_initrd_range(b.blob, finish(&b), &start, &end));
}

static void inverted_range_is_refused(void **state)
{
	struct builder b;
	size_t size = chosen_with_initrd(&b, 0x58200000, 0x58000000);
	uint64_t start, end;

	(void)state;
	assert_false(fdt_initrd_range(b.blob, size, &start, &end));
}

static void truncated_or_corrupt_blobs_are_refused(void **state)
{
	struct builder b;
	size_t size = chosen_with_initrd(&b, 0x58000000, 0x58200000);
	uint64_t start, end;

	(void)state;
	for (size_t cut = 0; cut < size; cut++)
		assert_false(fdt_initrd_range(b.blob, cut, &start, &end));
	b.blob[0] ^= 1;
	assert_int_equal(fdt_total_size(b.blob, size), 0);
	assert_false(fdt_initrd_range(b.blob, size, &start, &end));
}

/* The specification puts a node's properties before its children, and
 * closes every node before the end token. */
static void out_of_order_tokens_are_refused(void **state)
{
	struct builder b;
	uint64_t start, end;

	(void)state;
	memset(&b, 0, sizeof(b));
	begin_node(&b, "");
	begin_node(&b, "chosen");
	begin_node(&b, "child");
	token(&b, END_NODE);
	prop_u64(&b, "linux,initrd-start", 0x58000000);
	prop_u64(&b, "linux,initrd-end", 0x58200000);
	token(&b, END_NODE);
	token(&b, END_NODE);
	token(&b, END);
	assert_false(fdt_initrd_range(b.blob, finish(&b), &start, &end));

	memset(&b, 0, sizeof(b));
	begin_node(&b, "");
	begin_node(&b, "chosen");
	prop_u64(&b, "linux,initrd-start", 0x58000000);
	prop_u64(&b, "linux,initrd-end", 0x58200000);
	token(&b, END_NODE);
	token(&b, END);
	assert_false(fdt_initrd_range(b.blob, finish(&b), &start, &end));
}

static void lying_lengths_stay_inside_the_blob(void **state)
{
	struct builder b;
	size_t size = chosen_with_initrd(&b, 0x58000000, 0x58200000);
	uint64_t start, end;
	uint8_t copy[sizeof(b.blob)];

	(void)state;
	/* Every 32-bit word of the structure block replaced by huge values,
	 * one at a time: the reader must refuse or skip, never read outside. */
	for (size_t off = 40; off < 40 + b.structs; off += 4) {
		memcpy(copy, b.blob, sizeof(copy));
		put32(copy + off, 0xfffffff0u);
		fdt_initrd_range(copy, size, &start, &end);
		put32(copy + off, 0x7fffffffu);
		fdt_initrd_range(copy, size, &start, &end);
	}
	memcpy(copy, b.blob, sizeof(copy));
	put32(copy + 36, 0xffffff00u);
	assert_false(fdt_initrd_range(copy, size, &start, &end));
	put32(copy + 36, (uint32_t)b.structs);
	put32(copy + 12, 0xffffff00u);
	assert_false(fdt_initrd_range(copy, size, &start, &end));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_the_range_in_chosen_only),
		cmocka_unit_test(no_initrd_without_both_properties),
		cmocka_unit_test(inverted_range_is_refused),
		cmocka_unit_test(truncated_or_corrupt_blobs_are_refused),
		cmocka_unit_test(out_of_order_tokens_are_refused),
		cmocka_unit_test(lying_lengths_stay_inside_the_blob),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
