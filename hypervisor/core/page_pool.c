#include "page_pool.h"

#include "bitmap.h"
#include "cstring.h"
#include "util.h"

void page_pool_init(struct page_pool *pool, uintptr_t base, size_t num_pages, uint64_t *used)
{
	pool->base = base;
	pool->num_pages = num_pages;
	pool->used = used;
	pool->num_free = num_pages;
	pool->next_hint = 0;
	pool->lock = (spinlock_t)SPINLOCK_INIT;
	memset(used, 0, BITMAP_WORDS(num_pages) * sizeof(uint64_t));
}

void *page_alloc(struct page_pool *pool)
{
	size_t index;

	spin_lock(&pool->lock);
	index = bitmap_find_clear(pool->used, pool->num_pages, pool->next_hint);
	if (index == pool->num_pages)
		index = bitmap_find_clear(pool->used, pool->num_pages, 0);
	if (index == pool->num_pages) {
		spin_unlock(&pool->lock);
		return NULL;
	}
	bitmap_set(pool->used, index);
	pool->num_free--;
	pool->next_hint = index + 1;
	spin_unlock(&pool->lock);

	void *page = (void *)(pool->base + index * PAGE_SIZE);
	memset(page, 0, PAGE_SIZE);
	return page;
}

void page_free(struct page_pool *pool, void *page)
{
	size_t index = ((uintptr_t)page - pool->base) / PAGE_SIZE;

	spin_lock(&pool->lock);
	bitmap_clear(pool->used, index);
	pool->num_free++;
	spin_unlock(&pool->lock);
}

size_t page_pool_free_pages(struct page_pool *pool)
{
	size_t free;

	spin_lock(&pool->lock);
	free = pool->num_free;
	spin_unlock(&pool->lock);
	return free;
}
