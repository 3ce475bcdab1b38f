/* The hypervisor's pool of 4 KiB pages for page tables and per-zone state. */
#ifndef PAGE_POOL_H
#define PAGE_POOL_H

#include <stddef.h>
#include <stdint.h>

#include "spinlock.h"

struct page_pool {
	uintptr_t base;      /* address of the first page, page-aligned */
	size_t num_pages;
	uint64_t *used;      /* bitmap of num_pages bits, owned by the caller */
	size_t num_free;
	size_t next_hint;
	spinlock_t lock;
};

void page_pool_init(struct page_pool *pool, uintptr_t base, size_t num_pages, uint64_t *used);
/* A zeroed page, or NULL when the pool is exhausted. */
void *page_alloc(struct page_pool *pool);
void page_free(struct page_pool *pool, void *page);
size_t page_pool_free_pages(struct page_pool *pool);

#endif
