/* The page pool and the bitmap it keeps its state in. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "bitmap.h"
#include "page_pool.h"
#include "util.h"

/* Not a multiple of 64, so the last bitmap word is partly outside the pool. */
#define PAGES 130

struct fixture {
	unsigned char *memory;
	uint64_t used[BITMAP_WORDS(PAGES)];
	struct page_pool pool;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->memory = aligned_alloc(PAGE_SIZE, PAGES * PAGE_SIZE);
	assert_non_null(f->memory);
	/* The caller's bitmap memory may hold anything; init must clear it. */
	memset(f->used, 0xff, sizeof(f->used));
	page_pool_init(&f->pool, (uintptr_t)f->memory, PAGES, f->used);
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

static size_t page_index(const struct fixture *f, const void *page)
{
	return (size_t)(((const unsigned char *)page - f->memory) / PAGE_SIZE);
}

static void every_page_is_free_after_init(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(f->pool.num_free, PAGES);
	for (size_t i = 0; i < PAGES; i++)
		assert_false(bitmap_test(f->used, i));
}

static void alloc_hands_out_each_page_once_then_null(void **state)
{
	struct fixture *f = *state;
	bool seen[PAGES] = { false };

	for (size_t n = 0; n < PAGES; n++) {
		unsigned char *page = page_alloc(&f->pool);
		assert_non_null(page);
		assert_true(page >= f->memory && page < f->memory + PAGES * PAGE_SIZE);
		assert_true(IS_ALIGNED((uintptr_t)page, PAGE_SIZE));
		size_t i = page_index(f, page);
		assert_false(seen[i]);
		seen[i] = true;
		assert_int_equal(f->pool.num_free, PAGES - n - 1);
	}
	assert_null(page_alloc(&f->pool));
	assert_int_equal(f->pool.num_free, 0);
}

static void alloc_returns_zeroed_pages(void **state)
{
	struct fixture *f = *state;
	unsigned char *page = page_alloc(&f->pool);

	assert_non_null(page);
	memset(page, 0xa5, PAGE_SIZE);
	page_free(&f->pool, page);
	/* Exhaust the pool so the dirtied page must be handed out again. */
	bool found = false;
	for (unsigned char *p; (p = page_alloc(&f->pool)) != NULL;) {
		for (size_t i = 0; i < PAGE_SIZE; i++)
			assert_int_equal(p[i], 0);
		found |= p == page;
	}
	assert_true(found);
}

static void freed_page_is_found_again_when_full(void **state)
{
	struct fixture *f = *state;
	void *pages[PAGES];

	for (size_t i = 0; i < PAGES; i++)
		pages[i] = page_alloc(&f->pool);
	/* Behind the search hint, and in a word that is otherwise full. */
	page_free(&f->pool, pages[5]);
	assert_int_equal(f->pool.num_free, 1);
	assert_false(bitmap_test(f->used, page_index(f, pages[5])));
	assert_ptr_equal(page_alloc(&f->pool), pages[5]);
	assert_null(page_alloc(&f->pool));

	/* The last page, in the partial last word. */
	page_free(&f->pool, pages[PAGES - 1]);
	assert_ptr_equal(page_alloc(&f->pool), pages[PAGES - 1]);
}

static void free_count_follows_alloc_and_free(void **state)
{
	struct fixture *f = *state;
	void *a = page_alloc(&f->pool);
	void *b = page_alloc(&f->pool);

	assert_ptr_not_equal(a, b);
	assert_int_equal(f->pool.num_free, PAGES - 2);
	page_free(&f->pool, a);
	assert_int_equal(f->pool.num_free, PAGES - 1);
	page_free(&f->pool, b);
	assert_int_equal(f->pool.num_free, PAGES);
	for (size_t i = 0; i < PAGES; i++)
		assert_false(bitmap_test(f->used, i));
}

static void bitmap_set_test_clear(void **state)
{
	uint64_t map[2] = { 0, 0 };

	(void)state;
	bitmap_set(map, 0);
	bitmap_set(map, 63);
	bitmap_set(map, 64);
	assert_int_equal(map[0], 0x8000000000000001ULL);
	assert_int_equal(map[1], 1);
	assert_true(bitmap_test(map, 63));
	assert_false(bitmap_test(map, 62));
	bitmap_clear(map, 63);
	assert_int_equal(map[0], 1);
	assert_int_equal(BITMAP_WORDS(64), 1);
	assert_int_equal(BITMAP_WORDS(65), 2);
}

static void bitmap_find_clear_skips_set_bits(void **state)
{
	uint64_t map[3] = { ~0ULL, ~0ULL, 0x7 };

	(void)state;
	/* Two full words are skipped, then three set bits. */
	assert_int_equal(bitmap_find_clear(map, 192, 0), 131);
	/* Starting inside a full word. */
	assert_int_equal(bitmap_find_clear(map, 192, 70), 131);
	/* Starting past a clear bit finds the next one. */
	assert_int_equal(bitmap_find_clear(map, 192, 132), 132);
	/* Nothing clear below nbits. */
	assert_int_equal(bitmap_find_clear(map, 131, 0), 131);
	assert_int_equal(bitmap_find_clear(map, 192, 192), 192);
	/* The first bit after a full word. */
	uint64_t half[2] = { ~0ULL, 0 };
	assert_int_equal(bitmap_find_clear(half, 128, 0), 64);
	/* A full map: the answer is nbits, without reading past the last word. */
	uint64_t full[2] = { ~0ULL, ~0ULL };
	assert_int_equal(bitmap_find_clear(full, 128, 0), 128);
	map[0] &= ~(1ULL << 40);
	assert_int_equal(bitmap_find_clear(map, 192, 0), 40);
	assert_int_equal(bitmap_find_clear(map, 192, 41), 131);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_page_is_free_after_init, setup, teardown),
		cmocka_unit_test_setup_teardown(alloc_hands_out_each_page_once_then_null, setup, teardown),
		cmocka_unit_test_setup_teardown(alloc_returns_zeroed_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(freed_page_is_found_again_when_full, setup, teardown),
		cmocka_unit_test_setup_teardown(free_count_follows_alloc_and_free, setup, teardown),
		cmocka_unit_test(bitmap_set_test_clear),
		cmocka_unit_test(bitmap_find_clear_skips_set_bits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
