/* Reading the CPU list from an untrusted DTB. The trees are written as
 * device tree source in tests/unit/fdt_cpus/ and compiled by dtc when the
 * test is built; damaged blobs are made here from the well-formed one. Each
 * blob sits in a buffer of exactly its size, so AddressSanitizer catches any
 * read beyond it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fdt_cpus.h"

#define BOOT_ID 0x0
#define HEADER_SIZE     40
#define TOTAL_SIZE      4
#define OFF_DT_STRUCT   8
#define OFF_DT_STRINGS  12
#define SIZE_DT_STRINGS 32
#define SIZE_DT_STRUCT  36

struct blob {
	uint8_t *bytes;
	size_t size;
};

static struct blob load(const char *name)
{
	char path[512];
	struct blob b;

	snprintf(path, sizeof(path), "%s/%s.dtb", FDT_CPUS_BLOBS, name);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	b.size = (size_t)ftell(f);
	rewind(f);
	b.bytes = malloc(b.size);
	assert_non_null(b.bytes);
	assert_int_equal(fread(b.bytes, 1, b.size, f), b.size);
	fclose(f);
	return b;
}

/* The first `size` bytes of a blob, in a buffer of that size. */
static struct blob cut(const struct blob *b, size_t size)
{
	struct blob c = { malloc(size ? size : 1), size };

	assert_non_null(c.bytes);
	memcpy(c.bytes, b->bytes, size);
	return c;
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static const char *read_file(const char *name, uint64_t boot_id, struct fdt_cpus *cpus)
{
	struct blob b = load(name);
	const char *why = fdt_cpus_read(b.bytes, b.size, boot_id, cpus);

	free(b.bytes);
	return why;
}

static void expect_cpus(const char *name, uint64_t boot_id, const uint64_t *ids, unsigned count,
			unsigned listed)
{
	struct fdt_cpus cpus;
	const char *why = read_file(name, boot_id, &cpus);

	if (why)
		fail_msg("%s: refused: %s", name, why);
	assert_int_equal(cpus.listed, listed);
	assert_int_equal(cpus.count, count);
	for (unsigned i = 0; i < count; i++)
		assert_int_equal(cpus.hw_ids[i], ids[i]);
}

static void expect_refused(const char *name, uint64_t boot_id, const char *reason)
{
	struct fdt_cpus cpus;
	const char *why = read_file(name, boot_id, &cpus);

	if (!why)
		fail_msg("%s: accepted with %u CPUs", name, cpus.count);
	assert_string_equal(why, reason);
}

/* ---- well-formed trees ---- */

static void reads_qemu_virt_smp8(void **state)
{
	const uint64_t ids[] = { 0, 1, 2, 3, 4, 5, 6, 7 };

	(void)state;
	expect_cpus("qemu_virt_smp8", BOOT_ID, ids, 8, 8);
}

static void reads_two_cell_ids(void **state)
{
	const uint64_t ids[] = { 0x0, 0x100, 0x10000, 0x100000000ULL };

	(void)state;
	expect_cpus("two_cells", BOOT_ID, ids, 4, 4);
}

static void assumes_two_cells_without_address_cells(void **state)
{
	const uint64_t ids[] = { 0, 1 };

	(void)state;
	expect_cpus("default_address_cells", BOOT_ID, ids, 2, 2);
}

static void puts_the_boot_cpu_first(void **state)
{
	const uint64_t ids[] = { 0x100, 0x0, 0x1, 0x101 };

	(void)state;
	expect_cpus("boot_cpu_listed_third", 0x100, ids, 4, 4);
}

/* ---- more CPUs than MAX_CPUS ---- */

#define TWELVE 12
_Static_assert(MAX_CPUS < TWELVE, "twelve_cpus.dts must list more CPUs than MAX_CPUS");

static void keeps_max_cpus_of_more(void **state)
{
	uint64_t ids[MAX_CPUS];

	(void)state;
	for (unsigned i = 0; i < MAX_CPUS; i++)
		ids[i] = i;
	expect_cpus("twelve_cpus", BOOT_ID, ids, MAX_CPUS, TWELVE);
}

static void keeps_the_boot_cpu_when_it_is_beyond_max_cpus(void **state)
{
	uint64_t ids[MAX_CPUS] = { TWELVE - 1 };

	(void)state;
	for (unsigned i = 1; i < MAX_CPUS; i++)
		ids[i] = i - 1;
	expect_cpus("twelve_cpus", TWELVE - 1, ids, MAX_CPUS, TWELVE);
}

/* ---- malformed trees ---- */

static void refuses_trees_without_cpus(void **state)
{
	(void)state;
	expect_refused("no_cpus_node", BOOT_ID, "it lists no CPU under /cpus");
	expect_refused("no_cpu_nodes", BOOT_ID, "it lists no CPU under /cpus");
}

static void refuses_a_tree_without_the_boot_cpu(void **state)
{
	(void)state;
	expect_refused("qemu_virt_smp8", 0x42, "it does not list the boot CPU");
}

static void refuses_bad_regs(void **state)
{
	const char *reason = "a CPU node's reg is missing or not #address-cells of /cpus wide";

	(void)state;
	expect_refused("cpu_without_reg", BOOT_ID, reason);
	expect_refused("reg_wider_than_address_cells", BOOT_ID, reason);
	expect_refused("three_address_cells", BOOT_ID,
		       "#address-cells of /cpus is neither 1 nor 2");
}

static void refuses_duplicate_regs(void **state)
{
	(void)state;
	expect_refused("duplicate_reg", BOOT_ID, "two CPU nodes have the same reg");
	expect_refused("duplicate_boot_reg", BOOT_ID, "two CPU nodes have the same reg");
}

/* ---- truncated and damaged blobs ---- */

static void refuses_every_truncation(void **state)
{
	struct blob b = load("qemu_virt_smp8");
	struct fdt_cpus cpus;

	(void)state;
	for (size_t size = 0; size < b.size; size++) {
		struct blob c = cut(&b, size);
		assert_non_null(fdt_cpus_read(c.bytes, c.size, BOOT_ID, &cpus));
		free(c.bytes);
	}
	assert_null(fdt_cpus_read(b.bytes, b.size, BOOT_ID, &cpus));
	free(b.bytes);
}

static void refuses_a_bad_header(void **state)
{
	const char *reason = "its header is not a device tree's, or claims more than there is";
	struct blob b = load("qemu_virt_smp8");
	struct fdt_cpus cpus;

	(void)state;
	b.bytes[0] ^= 1;
	assert_string_equal(fdt_cpus_read(b.bytes, b.size, BOOT_ID, &cpus), reason);
	b.bytes[0] ^= 1;
	put32(b.bytes + SIZE_DT_STRUCT, 0xffffff00u);
	assert_string_equal(fdt_cpus_read(b.bytes, b.size, BOOT_ID, &cpus), reason);
	free(b.bytes);
}

/* The header still fits, but the structure block ends inside a CPU node. */
static void refuses_a_truncated_structure_block(void **state)
{
	struct blob b = load("qemu_virt_smp8");
	struct fdt_cpus cpus;
	uint32_t structs = get32(b.bytes + SIZE_DT_STRUCT);

	(void)state;
	for (uint32_t size = 0; size < structs; size += 4) {
		put32(b.bytes + SIZE_DT_STRUCT, size);
		assert_string_equal(fdt_cpus_read(b.bytes, b.size, BOOT_ID, &cpus),
				    "its structure block is malformed or truncated");
	}
	free(b.bytes);
}

/* dtc puts the strings after the structure block, so a read past the end
 * of a cut structure block would still land inside the buffer. Here the
 * structure block comes last and is cut at every word: any read past its
 * end is past the buffer's. */
static void reads_nothing_past_a_cut_structure_block(void **state)
{
	struct blob b = load("qemu_virt_smp8");
	uint32_t structs = get32(b.bytes + OFF_DT_STRUCT);
	uint32_t structs_len = get32(b.bytes + SIZE_DT_STRUCT);
	uint32_t strings = get32(b.bytes + OFF_DT_STRINGS);
	uint32_t strings_len = get32(b.bytes + SIZE_DT_STRINGS);
	struct fdt_cpus cpus;

	(void)state;
	for (uint32_t len = 0; len <= structs_len; len += 4) {
		size_t size = HEADER_SIZE + strings_len + len;
		struct blob c = { malloc(size), size };
		assert_non_null(c.bytes);
		memcpy(c.bytes, b.bytes, HEADER_SIZE);
		memcpy(c.bytes + HEADER_SIZE, b.bytes + strings, strings_len);
		memcpy(c.bytes + HEADER_SIZE + strings_len, b.bytes + structs, len);
		put32(c.bytes + TOTAL_SIZE, (uint32_t)c.size);
		put32(c.bytes + OFF_DT_STRINGS, HEADER_SIZE);
		put32(c.bytes + OFF_DT_STRUCT, HEADER_SIZE + strings_len);
		put32(c.bytes + SIZE_DT_STRUCT, len);
		const char *why = fdt_cpus_read(c.bytes, c.size, BOOT_ID, &cpus);
		if (len < structs_len)
			assert_string_equal(why, "its structure block is malformed or truncated");
		else
			assert_null(why);
		free(c.bytes);
	}
	free(b.bytes);
}

/* Every 32-bit word of the structure block replaced by huge or small
 * values, one at a time: the reader refuses or reads a valid list, never
 * reads outside the blob (ASan) or keeps more than MAX_CPUS. */
static void survives_damaged_words(void **state)
{
	const uint32_t values[] = { 0xfffffff0u, 0x7fffffffu, 0, 1, 2, 3, 9 };
	struct blob b = load("qemu_virt_smp8");
	struct blob copy = cut(&b, b.size);
	uint32_t structs = get32(b.bytes + OFF_DT_STRUCT);
	uint32_t structs_end = structs + get32(b.bytes + SIZE_DT_STRUCT);
	struct fdt_cpus cpus;

	(void)state;
	for (uint32_t off = structs; off < structs_end; off += 4) {
		for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
			memcpy(copy.bytes, b.bytes, b.size);
			put32(copy.bytes + off, values[v]);
			if (!fdt_cpus_read(copy.bytes, copy.size, BOOT_ID, &cpus)) {
				assert_true(cpus.count >= 1 && cpus.count <= MAX_CPUS);
				assert_int_equal(cpus.hw_ids[0], BOOT_ID);
			}
		}
	}
	free(copy.bytes);
	free(b.bytes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_qemu_virt_smp8),
		cmocka_unit_test(reads_two_cell_ids),
		cmocka_unit_test(assumes_two_cells_without_address_cells),
		cmocka_unit_test(puts_the_boot_cpu_first),
		cmocka_unit_test(keeps_max_cpus_of_more),
		cmocka_unit_test(keeps_the_boot_cpu_when_it_is_beyond_max_cpus),
		cmocka_unit_test(refuses_trees_without_cpus),
		cmocka_unit_test(refuses_a_tree_without_the_boot_cpu),
		cmocka_unit_test(refuses_bad_regs),
		cmocka_unit_test(refuses_duplicate_regs),
		cmocka_unit_test(refuses_every_truncation),
		cmocka_unit_test(refuses_a_bad_header),
		cmocka_unit_test(refuses_a_truncated_structure_block),
		cmocka_unit_test(reads_nothing_past_a_cut_structure_block),
		cmocka_unit_test(survives_damaged_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
