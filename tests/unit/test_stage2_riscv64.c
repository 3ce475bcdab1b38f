/* riscv64's G-stage table builder (Sv39x4) on a simulated page pool: the
 * PTE format the hart walks, the 2048-entry root, leaves of every size,
 * splitting with a flush before the new table goes in, and no table page
 * left behind. Table pages are host memory, identity as in the hypervisor. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include <tessera/hypercall.h>

#include "bitmap.h"
#include "config_check.h"
#include "stage2.h"
#include "util.h"

#define SZ_4K  0x1000ULL
#define SZ_2M  0x200000ULL
#define SZ_1G  0x40000000ULL
#define POOL_PAGES 16

#define PTE_V (1ULL << 0)
#define PTE_R (1ULL << 1)
#define PTE_W (1ULL << 2)
#define PTE_X (1ULL << 3)
#define PTE_U (1ULL << 4)
#define PTE_A (1ULL << 6)
#define PTE_D (1ULL << 7)
#define LEAF_RAM (PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D)

static unsigned flush_count;
static const uint64_t *watched_pte;
static uint64_t watched_at_first_flush;

void stage2_tlb_flush(const struct stage2_table *table)
{
	(void)table;
	if (flush_count++ == 0 && watched_pte)
		watched_at_first_flush = *watched_pte;
}

struct fixture {
	void *memory;
	uint64_t used[BITMAP_WORDS(POOL_PAGES)];
	struct page_pool pool;
	struct stage2_table table;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->memory = aligned_alloc(PAGE_SIZE, POOL_PAGES * PAGE_SIZE);
	assert_non_null(f->memory);
	page_pool_init(&f->pool, (uintptr_t)f->memory, POOL_PAGES, f->used);
	assert_int_equal(stage2_init(&f->table, &f->pool, 1, SZ_1G), 0);
	flush_count = 0;
	watched_pte = NULL;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	free(f->memory);
	free(f);
	return 0;
}

static uint64_t pte_pa(uint64_t pte)
{
	return (pte >> 10 & ((1ULL << 44) - 1)) << 12;
}

static void root_is_16k_aligned_and_private_to_its_vmid(void **state)
{
	struct fixture *f = *state;
	struct stage2_table other;

	assert_int_equal((uintptr_t)f->table.root % (4 * SZ_4K), 0);
	assert_int_equal(stage2_init(&other, &f->pool, 2, SZ_1G), 0);
	assert_ptr_not_equal(other.root, f->table.root);
	assert_int_equal(stage2_init(&other, &f->pool, 0, SZ_1G), -HV_EINVAL);
	assert_int_equal(stage2_init(&other, &f->pool, MAX_ZONES + 1, SZ_1G), -HV_EINVAL);
	assert_int_equal(f->pool.num_free, POOL_PAGES);
}

static void gib_leaf_in_the_root_with_user_and_access_bits(void **state)
{
	struct fixture *f = *state;
	uint64_t pa;
	enum mem_kind kind;

	assert_int_equal(stage2_map(&f->table, 2 * SZ_1G, 3 * SZ_1G, SZ_1G, MEM_KIND_NORMAL), 0);
	assert_int_equal(f->table.root[2] & 0x3ff, LEAF_RAM);
	assert_int_equal(pte_pa(f->table.root[2]), 3 * SZ_1G);
	assert_true(stage2_translate(&f->table, 2 * SZ_1G + 0x1234, &pa, &kind));
	assert_int_equal(pa, 3 * SZ_1G + 0x1234);
	assert_int_equal(kind, MEM_KIND_NORMAL);
	assert_int_equal(f->pool.num_free, POOL_PAGES);
}

/* Sv39x4's root indexes GPA bits 40:30: entries past the first 512. */
static void top_of_the_41_bit_space_maps(void **state)
{
	struct fixture *f = *state;
	uint64_t top = stage2_ipa_limit() - SZ_4K;
	uint64_t pa;
	enum mem_kind kind;

	assert_int_equal(stage2_ipa_limit(), 1ULL << 41);
	assert_int_equal(stage2_map(&f->table, top, 0x80000000, SZ_4K, MEM_KIND_DEVICE), 0);
	assert_true(f->table.root[2047] & PTE_V);
	assert_true(stage2_translate(&f->table, top + 8, &pa, &kind));
	assert_int_equal(pa, 0x80000008);
	assert_int_equal(kind, MEM_KIND_DEVICE);
	assert_int_equal(stage2_map(&f->table, stage2_ipa_limit(), 0, SZ_4K, MEM_KIND_NORMAL),
			 -HV_EINVAL);
}

static void device_pages_are_not_executable(void **state)
{
	struct fixture *f = *state;
	const uint64_t *l1, *l0;

	assert_int_equal(stage2_map(&f->table, 0x10000000, 0x10000000, SZ_4K, MEM_KIND_DEVICE), 0);
	assert_int_equal(f->table.root[0] & 0xf, PTE_V);
	l1 = (const uint64_t *)(uintptr_t)pte_pa(f->table.root[0]);
	l0 = (const uint64_t *)(uintptr_t)pte_pa(l1[0x10000000 / SZ_2M]);
	assert_int_equal(l0[0] & 0x3ff, LEAF_RAM & ~PTE_X);
	assert_int_equal(pte_pa(l0[0]), 0x10000000);
}

static void overlapping_map_is_refused_untouched(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(stage2_map(&f->table, SZ_1G, SZ_1G, SZ_2M, MEM_KIND_NORMAL), 0);
	size_t free_before = f->pool.num_free;
	assert_int_equal(stage2_map(&f->table, SZ_1G + SZ_2M - SZ_4K, 0, 2 * SZ_4K,
				    MEM_KIND_NORMAL), -HV_EEXIST);
	assert_int_equal(f->pool.num_free, free_before);
}

/* The leaf is invalid when the first flush runs: no hart may hold the old
 * and new translations together. */
static void unmapping_part_of_a_gib_leaf_splits_it_after_a_flush(void **state)
{
	struct fixture *f = *state;
	uint64_t pa;
	enum mem_kind kind;

	assert_int_equal(stage2_map(&f->table, 2 * SZ_1G, 2 * SZ_1G, SZ_1G, MEM_KIND_NORMAL), 0);
	watched_pte = &f->table.root[2];
	assert_int_equal(stage2_unmap(&f->table, 2 * SZ_1G + SZ_2M + SZ_4K, SZ_4K), 0);
	assert_int_equal(watched_at_first_flush, 0);
	assert_int_equal(f->table.root[2] & 0xf, PTE_V);
	assert_false(stage2_translate(&f->table, 2 * SZ_1G + SZ_2M + SZ_4K, &pa, &kind));
	assert_true(stage2_translate(&f->table, 2 * SZ_1G + SZ_2M, &pa, &kind));
	assert_int_equal(pa, 2 * SZ_1G + SZ_2M);
	assert_true(stage2_translate(&f->table, 3 * SZ_1G - SZ_4K, &pa, &kind));
	assert_int_equal(pa, 3 * SZ_1G - SZ_4K);
}

static void unmap_and_destroy_give_every_table_back(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(stage2_map(&f->table, SZ_1G + SZ_4K, SZ_4K, SZ_2M, MEM_KIND_NORMAL), 0);
	assert_true(f->pool.num_free < POOL_PAGES);
	assert_int_equal(stage2_unmap(&f->table, SZ_1G, SZ_1G), 0);
	assert_int_equal(f->pool.num_free, POOL_PAGES);
	assert_int_equal(f->table.root[1], 0);
	assert_int_equal(stage2_map(&f->table, 0x90000000, 0x90000000, 3 * SZ_2M + SZ_4K,
				    MEM_KIND_NORMAL), 0);
	stage2_destroy(&f->table);
	assert_int_equal(f->pool.num_free, POOL_PAGES);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(root_is_16k_aligned_and_private_to_its_vmid, setup,
						teardown),
		cmocka_unit_test_setup_teardown(gib_leaf_in_the_root_with_user_and_access_bits,
						setup, teardown),
		cmocka_unit_test_setup_teardown(top_of_the_41_bit_space_maps, setup, teardown),
		cmocka_unit_test_setup_teardown(device_pages_are_not_executable, setup, teardown),
		cmocka_unit_test_setup_teardown(overlapping_map_is_refused_untouched, setup, teardown),
		cmocka_unit_test_setup_teardown(unmapping_part_of_a_gib_leaf_splits_it_after_a_flush,
						setup, teardown),
		cmocka_unit_test_setup_teardown(unmap_and_destroy_give_every_table_back, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
