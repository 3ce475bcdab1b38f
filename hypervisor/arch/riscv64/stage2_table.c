/* G-stage translation tables, Sv39x4 (privileged specification 1.12, 8.5):
 * a 41-bit guest-physical space, a 16 KiB root table of 2048 entries of
 * 1 GiB, then 512-entry tables of 2 MiB and 4 KiB entries; 1 GiB and 2 MiB
 * leaves where alignment allows. Pure table logic on pages from a
 * page_pool, so host unit tests can run it on a simulated pool.
 *
 * The root must be 16 KiB, 16 KiB-aligned, and every byte of it is read by
 * the walker (a guest names any of its 2048 entries): it cannot come from
 * the pool of single pages. Each VMID has its own static root; the core
 * gives every zone slot its own VMID, so a root is in use by one table at a
 * time. */
#include <tessera/hypercall.h>

#include "config_check.h"
#include "cstring.h"
#include "stage2.h"
#include "util.h"

#define FIRST_LEVEL       1
#define LAST_LEVEL        3
#define ENTRIES           512
#define ROOT_ENTRIES      2048

#define PTE_V             BIT(0)
#define PTE_R             BIT(1)
#define PTE_W             BIT(2)
#define PTE_X             BIT(3)
#define PTE_U             BIT(4)
#define PTE_A             BIT(6)
#define PTE_D             BIT(7)
#define PTE_PPN_SHIFT     10
#define PTE_PPN_MASK      (((1ULL << 44) - 1) << PTE_PPN_SHIFT)
#define PTE_LEAF_BITS     (PTE_R | PTE_W | PTE_X)

static uint64_t roots[MAX_ZONES][ROOT_ENTRIES] __attribute__((aligned(ROOT_ENTRIES * 8)));

static unsigned level_shift(int level)
{
	return 12 + 9 * (LAST_LEVEL - level);
}

static uint64_t level_size(int level)
{
	return 1ULL << level_shift(level);
}

static unsigned entry_index(uint64_t ipa, int level)
{
	unsigned entries = level == FIRST_LEVEL ? ROOT_ENTRIES : ENTRIES;

	return (ipa >> level_shift(level)) & (entries - 1);
}

static bool is_table(uint64_t desc, int level)
{
	return level < LAST_LEVEL && (desc & PTE_V) && !(desc & PTE_LEAF_BITS);
}

static uint64_t desc_address(uint64_t desc)
{
	return (desc & PTE_PPN_MASK) >> PTE_PPN_SHIFT << 12;
}

static uint64_t *next_table(uint64_t desc)
{
	return (uint64_t *)(uintptr_t)desc_address(desc);
}

static uint64_t table_descriptor(const uint64_t *table)
{
	return (uintptr_t)table >> 12 << PTE_PPN_SHIFT | PTE_V;
}

static uint64_t leaf_descriptor(uint64_t pa, uint64_t attrs)
{
	return pa >> 12 << PTE_PPN_SHIFT | attrs | PTE_V;
}

/* G-stage accesses count as U-mode ones, so every leaf has U. A and D are
 * set: a hart without Svadu would fault on the first access otherwise. */
static uint64_t kind_attrs(enum mem_kind kind)
{
	uint64_t common = PTE_R | PTE_W | PTE_U | PTE_A | PTE_D;

	return kind == MEM_KIND_DEVICE ? common : common | PTE_X;
}

/* The attribute bits of a leaf, without address and valid bits. */
static uint64_t leaf_attrs(uint64_t desc)
{
	return desc & ~(PTE_PPN_MASK | PTE_V);
}

static bool range_is_unmapped(const uint64_t *table, int level, uint64_t ipa, uint64_t end)
{
	while (ipa < end) {
		uint64_t entry_end = ALIGN_DOWN(ipa, level_size(level)) + level_size(level);
		uint64_t chunk_end = MIN(end, entry_end);
		uint64_t desc = table[entry_index(ipa, level)];

		if (is_table(desc, level)) {
			if (!range_is_unmapped(next_table(desc), level + 1, ipa, chunk_end))
				return false;
		} else if (desc & PTE_V) {
			return false;
		}
		ipa = chunk_end;
	}
	return true;
}

/* A zone's RAM is mostly runs of whole last-level tables, so they are
 * written without the general loop's per-entry choice of level. */
static void map_pages(uint64_t *table, uint64_t ipa, uint64_t end, uint64_t pa, uint64_t attrs)
{
	uint64_t *entry = &table[entry_index(ipa, LAST_LEVEL)];
	uint64_t desc = leaf_descriptor(pa, attrs);

	for (uint64_t pages = (end - ipa) / PAGE_SIZE; pages; pages--) {
		*entry++ = desc;
		desc += 1ULL << PTE_PPN_SHIFT;
	}
}

static int map_range(struct stage2_table *t, uint64_t *table, int level, uint64_t ipa,
		     uint64_t end, uint64_t pa, uint64_t attrs)
{
	if (level == LAST_LEVEL) {
		map_pages(table, ipa, end, pa, attrs);
		return 0;
	}
	while (ipa < end) {
		uint64_t size = level_size(level);
		uint64_t chunk_end = MIN(end, ALIGN_DOWN(ipa, size) + size);
		uint64_t *entry = &table[entry_index(ipa, level)];

		if (chunk_end - ipa == size && size <= t->max_block && IS_ALIGNED(pa, size) &&
		    !(*entry & PTE_V)) {
			*entry = leaf_descriptor(pa, attrs);
		} else {
			if (!(*entry & PTE_V)) {
				uint64_t *sub = page_alloc(t->pool);
				if (!sub)
					return -HV_ENOMEM;
				*entry = table_descriptor(sub);
			}
			int err = map_range(t, next_table(*entry), level + 1, ipa, chunk_end, pa, attrs);
			if (err)
				return err;
		}
		pa += chunk_end - ipa;
		ipa = chunk_end;
	}
	return 0;
}

static bool table_is_empty(const uint64_t *table)
{
	for (unsigned i = 0; i < ENTRIES; i++)
		if (table[i] & PTE_V)
			return false;
	return true;
}

/* Tables that an unmap emptied and detached, freed only once the TLB flush
 * after it has run: until then another hart's walker may still hold the
 * path through them. They are chained through their first entry, which
 * stays invalid for such a walker (a page address has bit 0 clear). */
struct emptied_tables {
	uint64_t *first;
};

static void defer_free(struct emptied_tables *list, uint64_t *table)
{
	table[0] = (uintptr_t)list->first;
	list->first = table;
}

static void free_emptied(struct page_pool *pool, struct emptied_tables *list)
{
	while (list->first) {
		uint64_t *table = list->first;
		list->first = (uint64_t *)(uintptr_t)table[0];
		page_free(pool, table);
	}
}

/* Replaces a leaf by a table of the next level that maps the same memory,
 * so that part of it can be unmapped: invalidated and flushed before the
 * table goes in, so that no hart holds both translations. */
static int split_block(struct stage2_table *t, uint64_t *entry, int level)
{
	uint64_t *sub = page_alloc(t->pool);
	uint64_t base = desc_address(*entry);
	uint64_t attrs = leaf_attrs(*entry);

	if (!sub)
		return -HV_ENOMEM;
	for (unsigned i = 0; i < ENTRIES; i++)
		sub[i] = leaf_descriptor(base + i * level_size(level + 1), attrs);
	*entry = 0;
	stage2_tlb_flush(t);
	*entry = table_descriptor(sub);
	return 0;
}

static int unmap_range(struct stage2_table *t, uint64_t *table, int level, uint64_t ipa,
		       uint64_t end, struct emptied_tables *emptied)
{
	while (ipa < end) {
		uint64_t size = level_size(level);
		uint64_t chunk_end = MIN(end, ALIGN_DOWN(ipa, size) + size);
		uint64_t *entry = &table[entry_index(ipa, level)];

		if (!(*entry & PTE_V)) {
			ipa = chunk_end;
			continue;
		}
		if (!is_table(*entry, level) && chunk_end - ipa == size) {
			*entry = 0;
			ipa = chunk_end;
			continue;
		}
		if (!is_table(*entry, level)) {
			int err = split_block(t, entry, level);
			if (err)
				return err;
		}
		uint64_t *sub = next_table(*entry);
		int err = unmap_range(t, sub, level + 1, ipa, chunk_end, emptied);
		if (err)
			return err;
		if (table_is_empty(sub)) {
			*entry = 0;
			defer_free(emptied, sub);
		}
		ipa = chunk_end;
	}
	return 0;
}

/* Unmaps, then drops the TLB entries, then frees the tables left empty. */
static int unmap_and_flush(struct stage2_table *t, uint64_t ipa, uint64_t end)
{
	struct emptied_tables emptied = { NULL };
	int err = unmap_range(t, t->root, FIRST_LEVEL, ipa, end, &emptied);

	stage2_tlb_flush(t);
	free_emptied(t->pool, &emptied);
	return err;
}

int stage2_init(struct stage2_table *t, struct page_pool *pool, uint16_t vmid,
		uint64_t max_block)
{
	if (vmid == 0 || vmid > MAX_ZONES)
		return -HV_EINVAL;
	t->pool = pool;
	t->vmid = vmid;
	t->max_block = max_block;
	t->root = roots[vmid - 1];
	memset(t->root, 0, sizeof(roots[0]));
	return 0;
}

int stage2_map(struct stage2_table *t, uint64_t ipa, uint64_t pa, uint64_t size,
	       enum mem_kind kind)
{
	if (size == 0 || !IS_ALIGNED(ipa | pa | size, PAGE_SIZE) ||
	    ipa + size > stage2_ipa_limit() || ipa + size < ipa || pa + size < pa ||
	    pa + size > stage2_pa_limit())
		return -HV_EINVAL;
	if (!range_is_unmapped(t->root, FIRST_LEVEL, ipa, ipa + size))
		return -HV_EEXIST;

	int err = map_range(t, t->root, FIRST_LEVEL, ipa, ipa + size, pa, kind_attrs(kind));
	if (err)
		unmap_and_flush(t, ipa, ipa + size);
	return err;
}

int stage2_unmap(struct stage2_table *t, uint64_t ipa, uint64_t size)
{
	if (size == 0 || !IS_ALIGNED(ipa | size, PAGE_SIZE) || ipa + size > stage2_ipa_limit() ||
	    ipa + size < ipa)
		return -HV_EINVAL;

	return unmap_and_flush(t, ipa, ipa + size);
}

bool stage2_translate(const struct stage2_table *t, uint64_t ipa, uint64_t *pa,
		      enum mem_kind *kind)
{
	const uint64_t *table = t->root;

	if (ipa >= stage2_ipa_limit())
		return false;
	for (int level = FIRST_LEVEL; level <= LAST_LEVEL; level++) {
		uint64_t desc = table[entry_index(ipa, level)];
		if (!(desc & PTE_V))
			return false;
		if (is_table(desc, level)) {
			table = next_table(desc);
			continue;
		}
		uint64_t offset_mask = level_size(level) - 1;
		*pa = (desc_address(desc) & ~offset_mask) | (ipa & offset_mask);
		*kind = (desc & PTE_X) ? MEM_KIND_NORMAL : MEM_KIND_DEVICE;
		return true;
	}
	return false;
}

static void free_tables(struct page_pool *pool, uint64_t *table, int level)
{
	unsigned entries = level == FIRST_LEVEL ? ROOT_ENTRIES : ENTRIES;

	for (unsigned i = 0; i < entries; i++)
		if (is_table(table[i], level))
			free_tables(pool, next_table(table[i]), level + 1);
	if (level != FIRST_LEVEL)
		page_free(pool, table);
}

/* The tables are freed after the flush, for the same reason as an unmap's;
 * the root, static, is left cleared. */
void stage2_destroy(struct stage2_table *t)
{
	stage2_tlb_flush(t);
	free_tables(t->pool, t->root, FIRST_LEVEL);
	memset(t->root, 0, sizeof(roots[0]));
	t->root = NULL;
}
