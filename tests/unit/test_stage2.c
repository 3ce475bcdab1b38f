/* Stage-2 table builder on a simulated page pool. The hypervisor runs
 * identity-mapped, so table pages are host memory and the descriptors hold
 * host pointers; the output addresses mapped here are never dereferenced. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include <tessera/hypercall.h>

#include "bitmap.h"
#include "stage2.h"
#include "util.h"

#define SZ_4K  0x1000ULL
#define SZ_2M  0x200000ULL
#define SZ_1G  0x40000000ULL
#define POOL_PAGES 64

/* stage2_tlb_flush() is the architecture glue's; count the calls and note
 * whether the watched descriptor was invalid at the first one, which is what
 * break-before-make requires when a live block is replaced, and how many
 * pages the pool had free at the last one: a table page another CPU's walker
 * may still use must not be back in the pool before the flush. */
static unsigned flush_count;
static const uint64_t *watched_desc;
static uint64_t watched_at_first_flush;
static size_t free_at_last_flush;

void stage2_tlb_flush(const struct stage2_table *table)
{
	if (flush_count++ == 0 && watched_desc)
		watched_at_first_flush = *watched_desc;
	free_at_last_flush = table->pool->num_free;
}

struct fixture {
	void *memory;
	uint64_t used[BITMAP_WORDS(POOL_PAGES)];
	struct page_pool pool;
	struct stage2_table table;
	size_t free_after_init;     /* the root is the only page in use */
};

static struct fixture *new_fixture(size_t pages)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	assert_true(pages <= POOL_PAGES);
	f->memory = aligned_alloc(PAGE_SIZE, pages * PAGE_SIZE);
	assert_non_null(f->memory);
	page_pool_init(&f->pool, (uintptr_t)f->memory, pages, f->used);
	assert_int_equal(stage2_init(&f->table, &f->pool, 1, SZ_1G), 0);
	f->free_after_init = f->pool.num_free;
	flush_count = 0;
	watched_desc = NULL;
	watched_at_first_flush = ~0ULL;
	return f;
}

static int setup(void **state)
{
	*state = new_fixture(POOL_PAGES);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	if (f)
		free(f->memory);
	free(f);
	return 0;
}

/* Table pages in use besides the root. */
static size_t tables_used(const struct fixture *f)
{
	return f->free_after_init - f->pool.num_free;
}

static void assert_maps_to(const struct fixture *f, uint64_t ipa, uint64_t pa,
			   enum mem_kind kind)
{
	uint64_t got_pa = 0;
	enum mem_kind got_kind = kind == MEM_KIND_NORMAL ? MEM_KIND_DEVICE : MEM_KIND_NORMAL;

	assert_true(stage2_translate(&f->table, ipa, &got_pa, &got_kind));
	assert_int_equal(got_pa, pa);
	assert_int_equal(got_kind, kind);
}

static void assert_unmapped(const struct fixture *f, uint64_t ipa)
{
	uint64_t pa;
	enum mem_kind kind;

	assert_false(stage2_translate(&f->table, ipa, &pa, &kind));
}

static void gib_aligned_map_uses_a_level1_block(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(stage2_map(&f->table, SZ_1G, 2 * SZ_1G, SZ_1G, MEM_KIND_NORMAL), 0);
	assert_int_equal(tables_used(f), 0);
	/* Root entry 1 is a block descriptor (bits[1:0] = 0b01) for PA 2 GiB. */
	assert_int_equal(f->table.root[1] & 3, 1);
	assert_int_equal(f->table.root[1] & 0x0000ffffc0000000ULL, 2 * SZ_1G);
	assert_maps_to(f, SZ_1G, 2 * SZ_1G, MEM_KIND_NORMAL);
	assert_maps_to(f, SZ_1G + 0x12345678, 2 * SZ_1G + 0x12345678, MEM_KIND_NORMAL);
	assert_maps_to(f, 2 * SZ_1G - 8, 3 * SZ_1G - 8, MEM_KIND_NORMAL);
	assert_unmapped(f, SZ_1G - 1);
	assert_unmapped(f, 2 * SZ_1G);
}

static void two_mib_aligned_map_uses_level2_blocks(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(stage2_map(&f->table, SZ_2M, 0x80200000, 2 * SZ_2M, MEM_KIND_NORMAL), 0);
	/* Only the level-2 table under the root: no level-3 tables. */
	assert_int_equal(tables_used(f), 1);
	assert_maps_to(f, SZ_2M, 0x80200000, MEM_KIND_NORMAL);
	assert_maps_to(f, 2 * SZ_2M + 0x1234, 0x80400000 + 0x1234, MEM_KIND_NORMAL);
	assert_unmapped(f, 3 * SZ_2M);
}

static void unaligned_ranges_fall_back_to_pages(void **state)
{
	struct fixture *f = *state;

	/* A page, two 2 MiB blocks, a page: one level-2 table, two level-3. */
	assert_int_equal(stage2_map(&f->table, 0x1ff000, 0x401ff000, 0x402000, MEM_KIND_NORMAL), 0);
	assert_int_equal(tables_used(f), 3);
	assert_maps_to(f, 0x1ff000, 0x401ff000, MEM_KIND_NORMAL);
	assert_maps_to(f, 0x200000, 0x40200000, MEM_KIND_NORMAL);
	assert_maps_to(f, 0x600abc, 0x40600abc, MEM_KIND_NORMAL);
	assert_unmapped(f, 0x1fe000);
	assert_unmapped(f, 0x601000);

	/* A 2 MiB-aligned IPA with a PA that is not: pages, two more tables. */
	assert_int_equal(stage2_map(&f->table, SZ_1G, 0x80001000, SZ_2M, MEM_KIND_NORMAL), 0);
	assert_int_equal(tables_used(f), 5);
	assert_maps_to(f, SZ_1G + 0x1ff123, 0x80001000 + 0x1ff123, MEM_KIND_NORMAL);
}

static void block_limit_is_honoured(void **state)
{
	struct fixture *f = *state;

	f->table.max_block = SZ_2M;
	/* A GiB-aligned GiB: 512 level-2 blocks under one table, no GiB block. */
	assert_int_equal(stage2_map(&f->table, SZ_1G, 2 * SZ_1G, SZ_1G, MEM_KIND_NORMAL), 0);
	assert_int_equal(tables_used(f), 1);
	assert_int_equal(f->table.root[1] & 3, 3);
	assert_maps_to(f, SZ_1G + 0x12345678, 2 * SZ_1G + 0x12345678, MEM_KIND_NORMAL);

	f->table.max_block = SZ_4K;
	/* Two 2 MiB-aligned MiBs: pages only, one level-3 table each. */
	assert_int_equal(stage2_map(&f->table, 0, 0x40000000, 2 * SZ_2M, MEM_KIND_NORMAL), 0);
	assert_int_equal(tables_used(f), 1 + 1 + 2);
	assert_maps_to(f, 0x3ff008, 0x403ff008, MEM_KIND_NORMAL);
	assert_int_equal(stage2_unmap(&f->table, 0, 2 * SZ_2M), 0);
	assert_int_equal(tables_used(f), 1);
}

static void translate_reports_device_kind(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(stage2_map(&f->table, 0x09000000, 0x09000000, SZ_4K, MEM_KIND_DEVICE), 0);
	assert_int_equal(stage2_map(&f->table, 0x40000000, 0x40000000, SZ_2M, MEM_KIND_NORMAL), 0);
	assert_maps_to(f, 0x09000018, 0x09000018, MEM_KIND_DEVICE);
	assert_maps_to(f, 0x40000018, 0x40000018, MEM_KIND_NORMAL);
}

static void overlapping_map_is_rejected_and_changes_nothing(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(stage2_map(&f->table, SZ_2M, 0x80000000, SZ_2M, MEM_KIND_NORMAL), 0);
	size_t before = tables_used(f);

	assert_int_equal(stage2_map(&f->table, SZ_2M, 0x90000000, SZ_2M, MEM_KIND_NORMAL), -HV_EEXIST);
	assert_int_equal(stage2_map(&f->table, 0, 0x90000000, 4 * SZ_2M, MEM_KIND_DEVICE), -HV_EEXIST);
	assert_int_equal(stage2_map(&f->table, SZ_2M + SZ_4K, 0x90000000, SZ_4K, MEM_KIND_NORMAL),
			 -HV_EEXIST);
	assert_int_equal(tables_used(f), before);
	assert_maps_to(f, SZ_2M + SZ_4K, 0x80000000 + SZ_4K, MEM_KIND_NORMAL);
	assert_unmapped(f, 0);
	assert_unmapped(f, 2 * SZ_2M);
}

static void partial_overlap_at_either_end_is_rejected(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(stage2_map(&f->table, 0x10000, 0x80010000, 0x2000, MEM_KIND_NORMAL), 0);
	assert_int_equal(stage2_map(&f->table, 3 * SZ_1G, 0x80000000, SZ_4K, MEM_KIND_NORMAL), 0);
	size_t before = tables_used(f);

	/* Only the last page of the new range is taken. */
	assert_int_equal(stage2_map(&f->table, 0x0, 0x90000000, 0x11000, MEM_KIND_NORMAL), -HV_EEXIST);
	/* Only the first page of the new range is taken. */
	assert_int_equal(stage2_map(&f->table, 0x11000, 0x90000000, 0x4000, MEM_KIND_NORMAL), -HV_EEXIST);
	/* Across a 1 GiB boundary with the last page taken: the first part would
	 * need a new level-2 table, which must not be left behind. */
	assert_int_equal(stage2_map(&f->table, 3 * SZ_1G - SZ_2M, 0x90000000, SZ_2M + SZ_4K,
				    MEM_KIND_NORMAL), -HV_EEXIST);
	assert_int_equal(tables_used(f), before);
	assert_unmapped(f, 0x0);
	assert_unmapped(f, 0x12000);
	assert_unmapped(f, 3 * SZ_1G - SZ_4K);
	assert_maps_to(f, 0x10000, 0x80010000, MEM_KIND_NORMAL);
	assert_maps_to(f, 3 * SZ_1G, 0x80000000, MEM_KIND_NORMAL);
}

static void unmapping_a_page_splits_a_gib_block(void **state)
{
	struct fixture *f = *state;
	const uint64_t ipa = SZ_1G, pa = 2 * SZ_1G, hole = ipa + 0x12345000;

	assert_int_equal(stage2_map(&f->table, ipa, pa, SZ_1G, MEM_KIND_NORMAL), 0);
	flush_count = 0;
	watched_desc = &f->table.root[1];

	assert_int_equal(stage2_unmap(&f->table, hole, SZ_4K), 0);
	assert_true(flush_count >= 1);
	/* Break-before-make: the live block was invalid when the TLB was flushed. */
	assert_int_equal(watched_at_first_flush, 0);
	/* One level-2 and one level-3 table now describe the block. */
	assert_int_equal(tables_used(f), 2);
	assert_unmapped(f, hole);
	assert_unmapped(f, hole + 0xfff);
	assert_maps_to(f, hole - SZ_4K, pa + (hole - ipa) - SZ_4K, MEM_KIND_NORMAL);
	assert_maps_to(f, hole + SZ_4K, pa + (hole - ipa) + SZ_4K, MEM_KIND_NORMAL);
	assert_maps_to(f, ipa, pa, MEM_KIND_NORMAL);
	assert_maps_to(f, ipa + SZ_1G - 1, pa + SZ_1G - 1, MEM_KIND_NORMAL);

	/* The hole can be mapped again, elsewhere. */
	assert_int_equal(stage2_map(&f->table, hole, 0x1000, SZ_4K, MEM_KIND_DEVICE), 0);
	assert_maps_to(f, hole, 0x1000, MEM_KIND_DEVICE);
}

static void splitting_keeps_the_memory_kind(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(stage2_map(&f->table, SZ_2M, 0x08000000, SZ_2M, MEM_KIND_DEVICE), 0);
	assert_int_equal(stage2_unmap(&f->table, SZ_2M, SZ_4K), 0);
	assert_unmapped(f, SZ_2M);
	assert_maps_to(f, SZ_2M + SZ_4K, 0x08001000, MEM_KIND_DEVICE);
	assert_maps_to(f, 2 * SZ_2M - SZ_4K, 0x081ff000, MEM_KIND_DEVICE);
}

static void unmapping_everything_returns_tables_to_the_pool(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(stage2_map(&f->table, 0x1ff000, 0x401ff000, 0x402000, MEM_KIND_NORMAL), 0);
	assert_int_equal(stage2_map(&f->table, SZ_1G, SZ_1G, SZ_1G, MEM_KIND_NORMAL), 0);
	assert_int_equal(stage2_map(&f->table, 0x09000000, 0x09000000, SZ_4K, MEM_KIND_DEVICE), 0);
	assert_int_equal(stage2_unmap(&f->table, SZ_1G + SZ_2M + SZ_4K, SZ_4K), 0);
	assert_true(tables_used(f) > 0);

	assert_int_equal(stage2_unmap(&f->table, 0x1ff000, 0x402000), 0);
	assert_int_equal(stage2_unmap(&f->table, SZ_1G, SZ_1G), 0);
	assert_int_equal(stage2_unmap(&f->table, 0x09000000, SZ_4K), 0);
	assert_int_equal(tables_used(f), 0);
	assert_unmapped(f, 0x200000);
	assert_unmapped(f, SZ_1G);
	assert_unmapped(f, 0x09000000);
	/* Unmapping what is not mapped is harmless. */
	assert_int_equal(stage2_unmap(&f->table, 0, 4 * SZ_1G), 0);
	assert_int_equal(tables_used(f), 0);
}

static void tables_an_unmap_empties_are_freed_after_the_flush(void **state)
{
	struct fixture *f = *state;

	/* A level-2 and a level-3 table, both emptied by the unmap. */
	assert_int_equal(stage2_map(&f->table, SZ_1G + SZ_4K, 0x80000000, SZ_4K, MEM_KIND_NORMAL), 0);
	size_t free_before = f->pool.num_free;
	flush_count = 0;

	assert_int_equal(stage2_unmap(&f->table, SZ_1G + SZ_4K, SZ_4K), 0);
	assert_int_equal(flush_count, 1);
	assert_int_equal(free_at_last_flush, free_before);
	assert_int_equal(tables_used(f), 0);
	assert_int_equal(f->table.root[1], 0);
}

static void invalid_arguments_are_rejected(void **state)
{
	struct fixture *f = *state;
	const uint64_t limit = stage2_ipa_limit();

	assert_int_equal(limit, 1ULL << 39);
	assert_int_equal(stage2_map(&f->table, 0x800, 0x1000, SZ_4K, MEM_KIND_NORMAL), -HV_EINVAL);
	assert_int_equal(stage2_map(&f->table, 0x1000, 0x1800, SZ_4K, MEM_KIND_NORMAL), -HV_EINVAL);
	assert_int_equal(stage2_map(&f->table, 0x1000, 0x1000, 0x1800, MEM_KIND_NORMAL), -HV_EINVAL);
	assert_int_equal(stage2_map(&f->table, 0x1000, 0x1000, 0, MEM_KIND_NORMAL), -HV_EINVAL);
	assert_int_equal(stage2_map(&f->table, limit, 0x1000, SZ_4K, MEM_KIND_NORMAL), -HV_EINVAL);
	assert_int_equal(stage2_map(&f->table, limit - SZ_4K, 0x1000, 2 * SZ_4K, MEM_KIND_NORMAL),
			 -HV_EINVAL);
	/* ipa + size wraps past zero. */
	assert_int_equal(stage2_map(&f->table, ~0ULL - 0xfff, 0x1000, 2 * SZ_4K, MEM_KIND_NORMAL),
			 -HV_EINVAL);
	/* The output address is past the 40-bit physical address space
	 * (VTCR_EL2.PS), even where a descriptor (48 bits) could hold it. */
	assert_int_equal(stage2_pa_limit(), 1ULL << 40);
	assert_int_equal(stage2_map(&f->table, 0, 1ULL << 48, SZ_4K, MEM_KIND_NORMAL), -HV_EINVAL);
	assert_int_equal(stage2_map(&f->table, 0, 1ULL << 47, SZ_4K, MEM_KIND_NORMAL), -HV_EINVAL);
	assert_int_equal(stage2_map(&f->table, 0, 1ULL << 40, SZ_4K, MEM_KIND_NORMAL), -HV_EINVAL);
	assert_int_equal(stage2_map(&f->table, 0, (1ULL << 40) - SZ_4K, 2 * SZ_4K, MEM_KIND_NORMAL),
			 -HV_EINVAL);
	assert_int_equal(stage2_map(&f->table, 0, (1ULL << 40) - SZ_2M, 2 * SZ_2M, MEM_KIND_DEVICE),
			 -HV_EINVAL);
	/* pa + size wraps past zero. */
	assert_int_equal(stage2_map(&f->table, 0, ~0ULL - 0xfff, 2 * SZ_4K, MEM_KIND_NORMAL),
			 -HV_EINVAL);
	assert_int_equal(stage2_unmap(&f->table, 0x800, SZ_4K), -HV_EINVAL);
	assert_int_equal(stage2_unmap(&f->table, 0x1000, 0), -HV_EINVAL);
	assert_int_equal(stage2_unmap(&f->table, limit - SZ_4K, 2 * SZ_4K), -HV_EINVAL);
	assert_int_equal(tables_used(f), 0);

	/* The very last page below the limit is fine. */
	assert_int_equal(stage2_map(&f->table, limit - SZ_4K, 0x1000, SZ_4K, MEM_KIND_NORMAL), 0);
	assert_maps_to(f, limit - 1, 0x1fff, MEM_KIND_NORMAL);
	/* Addresses past the limit must not wrap around onto IPA 0. */
	assert_int_equal(stage2_map(&f->table, 0, 0x2000, SZ_4K, MEM_KIND_NORMAL), 0);
	assert_unmapped(f, limit);
	assert_unmapped(f, 1ULL << 63);
}

static void output_addresses_reach_the_top_of_the_pa_space(void **state)
{
	struct fixture *f = *state;
	const uint64_t pa_limit = 1ULL << 40;

	/* The last page, the last 2 MiB block and the last 1 GiB block below 1 TiB. */
	assert_int_equal(stage2_map(&f->table, SZ_4K, pa_limit - SZ_4K, SZ_4K, MEM_KIND_DEVICE), 0);
	assert_int_equal(stage2_map(&f->table, SZ_2M, pa_limit - SZ_2M, SZ_2M, MEM_KIND_NORMAL), 0);
	assert_int_equal(stage2_map(&f->table, SZ_1G, pa_limit - SZ_1G, SZ_1G, MEM_KIND_NORMAL), 0);
	assert_maps_to(f, SZ_4K + 0xfff, pa_limit - 1, MEM_KIND_DEVICE);
	assert_maps_to(f, 2 * SZ_2M - 1, pa_limit - 1, MEM_KIND_NORMAL);
	assert_maps_to(f, SZ_1G, pa_limit - SZ_1G, MEM_KIND_NORMAL);
	assert_maps_to(f, 2 * SZ_1G - 1, pa_limit - 1, MEM_KIND_NORMAL);
}

static void exhausted_pool_gives_enomem_and_maps_nothing(void **state)
{
	/* Root plus three pages. */
	struct fixture *f = new_fixture(4);
	*state = f;

	/* A page at the top of the first GiB takes a level-2 and a level-3 table. */
	assert_int_equal(stage2_map(&f->table, SZ_1G - 2 * SZ_4K, 0x5000, SZ_4K, MEM_KIND_NORMAL), 0);
	assert_int_equal(f->pool.num_free, 1);

	/* Two pages across the GiB boundary need two more tables; one is left. */
	assert_int_equal(stage2_map(&f->table, SZ_1G - SZ_4K, 0x6000, 2 * SZ_4K, MEM_KIND_NORMAL),
			 -HV_ENOMEM);
	assert_int_equal(f->pool.num_free, 1);
	assert_unmapped(f, SZ_1G - SZ_4K);
	assert_unmapped(f, SZ_1G);
	assert_maps_to(f, SZ_1G - 2 * SZ_4K, 0x5000, MEM_KIND_NORMAL);

	/* What the failed map built was live for a moment: the level-2 table
	 * it added went back to the pool only after a flush. */
	assert_true(flush_count >= 1);
	assert_int_equal(free_at_last_flush, 0);

	/* The pages freed by the failure are usable: a smaller map succeeds. */
	assert_int_equal(stage2_map(&f->table, SZ_1G - SZ_4K, 0x6000, SZ_4K, MEM_KIND_NORMAL), 0);
	assert_maps_to(f, SZ_1G - SZ_4K, 0x6000, MEM_KIND_NORMAL);
}

static void root_only_pool_gives_enomem(void **state)
{
	struct fixture *f = new_fixture(1);
	*state = f;

	assert_int_equal(f->pool.num_free, 0);
	assert_int_equal(stage2_map(&f->table, 0, 0, SZ_4K, MEM_KIND_NORMAL), -HV_ENOMEM);
	assert_unmapped(f, 0);
	/* A 1 GiB block needs no table below the root. */
	assert_int_equal(stage2_map(&f->table, SZ_1G, SZ_1G, SZ_1G, MEM_KIND_NORMAL), 0);
	assert_maps_to(f, SZ_1G, SZ_1G, MEM_KIND_NORMAL);
}

static void destroy_returns_every_page(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(stage2_map(&f->table, 0x1ff000, 0x401ff000, 0x402000, MEM_KIND_NORMAL), 0);
	assert_int_equal(stage2_map(&f->table, SZ_1G, SZ_1G, SZ_1G, MEM_KIND_NORMAL), 0);
	assert_int_equal(stage2_unmap(&f->table, SZ_1G + SZ_4K, SZ_4K), 0);
	assert_int_equal(stage2_map(&f->table, 100 * SZ_1G, 0, SZ_4K, MEM_KIND_DEVICE), 0);
	assert_true(tables_used(f) > 0);
	size_t free_before = f->pool.num_free;
	flush_count = 0;

	stage2_destroy(&f->table);
	assert_int_equal(f->pool.num_free, POOL_PAGES);
	assert_null(f->table.root);
	/* Freed only after the flush. */
	assert_int_equal(flush_count, 1);
	assert_int_equal(free_at_last_flush, free_before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(gib_aligned_map_uses_a_level1_block, setup, teardown),
		cmocka_unit_test_setup_teardown(two_mib_aligned_map_uses_level2_blocks, setup, teardown),
		cmocka_unit_test_setup_teardown(unaligned_ranges_fall_back_to_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(block_limit_is_honoured, setup, teardown),
		cmocka_unit_test_setup_teardown(translate_reports_device_kind, setup, teardown),
		cmocka_unit_test_setup_teardown(overlapping_map_is_rejected_and_changes_nothing, setup,
						teardown),
		cmocka_unit_test_setup_teardown(partial_overlap_at_either_end_is_rejected, setup, teardown),
		cmocka_unit_test_setup_teardown(unmapping_a_page_splits_a_gib_block, setup, teardown),
		cmocka_unit_test_setup_teardown(splitting_keeps_the_memory_kind, setup, teardown),
		cmocka_unit_test_setup_teardown(unmapping_everything_returns_tables_to_the_pool, setup,
						teardown),
		cmocka_unit_test_setup_teardown(tables_an_unmap_empties_are_freed_after_the_flush,
						setup, teardown),
		cmocka_unit_test_setup_teardown(invalid_arguments_are_rejected, setup, teardown),
		cmocka_unit_test_setup_teardown(output_addresses_reach_the_top_of_the_pa_space, setup,
						teardown),
		cmocka_unit_test_teardown(exhausted_pool_gives_enomem_and_maps_nothing, teardown),
		cmocka_unit_test_teardown(root_only_pool_gives_enomem, teardown),
		cmocka_unit_test_setup_teardown(destroy_returns_every_page, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
