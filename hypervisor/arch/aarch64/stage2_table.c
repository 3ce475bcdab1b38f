/* Stage-2 translation tables, VMSAv8-64 format with a 4 KiB granule: a 39-bit
 * IPA space starting at level 1 (one 512-entry root table), 1 GiB and 2 MiB
 * blocks where alignment allows, 4 KiB pages elsewhere. Pure table logic on
 * pages from a page_pool, so host unit tests can run it on a simulated pool. */
#include <tessera/hypercall.h>

#include "cstring.h"
#include "stage2.h"
#include "util.h"

#define FIRST_LEVEL       1
#define LAST_LEVEL        3
#define ENTRIES           512

#define DESC_VALID        BIT(0)
#define DESC_TABLE        BIT(1)     /* at levels 1-2; a page at level 3 */
#define DESC_ADDR_MASK    0x0000fffffffff000ULL
#define DESC_MEMATTR_MASK (0xfULL << 2)
#define DESC_MEMATTR_NORMAL_WB (0xfULL << 2)
#define DESC_MEMATTR_DEVICE_nGnRE (0x1ULL << 2)
#define DESC_S2AP_RW      (0x3ULL << 6)
#define DESC_SH_INNER     (0x3ULL << 8)
#define DESC_AF           BIT(10)
#define DESC_XN           BIT(54)

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
	return (ipa >> level_shift(level)) & (ENTRIES - 1);
}

static bool is_table(uint64_t desc, int level)
{
	return level < LAST_LEVEL && (desc & (DESC_VALID | DESC_TABLE)) == (DESC_VALID | DESC_TABLE);
}

static uint64_t *next_table(uint64_t desc)
{
	return (uint64_t *)(uintptr_t)(desc & DESC_ADDR_MASK);
}

static uint64_t leaf_descriptor(uint64_t pa, uint64_t attrs, int level)
{
	return pa | attrs | DESC_VALID | (level == LAST_LEVEL ? DESC_TABLE : 0);
}

static uint64_t kind_attrs(enum mem_kind kind)
{
	uint64_t common = DESC_S2AP_RW | DESC_AF;

	if (kind == MEM_KIND_DEVICE)
		return common | DESC_MEMATTR_DEVICE_nGnRE | DESC_XN;
	return common | DESC_MEMATTR_NORMAL_WB | DESC_SH_INNER;
}

/* The attribute bits of a leaf, without address and type bits. */
static uint64_t leaf_attrs(uint64_t desc)
{
	return desc & ~(DESC_ADDR_MASK | DESC_VALID | DESC_TABLE);
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
		} else if (desc & DESC_VALID) {
			return false;
		}
		ipa = chunk_end;
	}
	return true;
}

/* A zone's RAM is mostly runs of whole last-level tables (zone0's 1.75 GiB
 * is 458,752 pages with 4 KiB leaves), so they are written without the
 * general loop's per-entry choice of level. */
static void map_pages(uint64_t *table, uint64_t ipa, uint64_t end, uint64_t pa, uint64_t attrs)
{
	uint64_t *entry = &table[entry_index(ipa, LAST_LEVEL)];
	uint64_t desc = leaf_descriptor(pa, attrs, LAST_LEVEL);

	for (uint64_t pages = (end - ipa) / PAGE_SIZE; pages; pages--, desc += PAGE_SIZE)
		*entry++ = desc;
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
		    !(*entry & DESC_VALID)) {
			*entry = leaf_descriptor(pa, attrs, level);
		} else {
			if (!(*entry & DESC_VALID)) {
				uint64_t *sub = page_alloc(t->pool);
				if (!sub)
					return -HV_ENOMEM;
				*entry = (uintptr_t)sub | DESC_VALID | DESC_TABLE;
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
		if (table[i] & DESC_VALID)
			return false;
	return true;
}

/* Tables that an unmap emptied and detached, freed only once the TLB flush
 * after it has run: until then another CPU's walker may still hold the path
 * through them and read them. They are chained through their first entry,
 * which stays an invalid descriptor for such a walker (a page address has
 * bit 0 clear). */
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

/* Replaces a block by a table of the next level that maps the same memory,
 * so that part of it can be unmapped. Break-before-make: the block is
 * invalidated and its TLB entries dropped before the table goes in. */
static int split_block(struct stage2_table *t, uint64_t *entry, int level)
{
	uint64_t *sub = page_alloc(t->pool);
	uint64_t base = *entry & DESC_ADDR_MASK;
	uint64_t attrs = leaf_attrs(*entry);

	if (!sub)
		return -HV_ENOMEM;
	for (unsigned i = 0; i < ENTRIES; i++)
		sub[i] = leaf_descriptor(base + i * level_size(level + 1), attrs, level + 1);
	*entry = 0;
	stage2_tlb_flush(t);
	*entry = (uintptr_t)sub | DESC_VALID | DESC_TABLE;
	return 0;
}

static int unmap_range(struct stage2_table *t, uint64_t *table, int level, uint64_t ipa,
		       uint64_t end, struct emptied_tables *emptied)
{
	while (ipa < end) {
		uint64_t size = level_size(level);
		uint64_t chunk_end = MIN(end, ALIGN_DOWN(ipa, size) + size);
		uint64_t *entry = &table[entry_index(ipa, level)];

		if (!(*entry & DESC_VALID)) {
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
	t->pool = pool;
	t->vmid = vmid;
	t->max_block = max_block;
	t->root = page_alloc(pool);
	return t->root ? 0 : -HV_ENOMEM;
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
		if (!(desc & DESC_VALID))
			return false;
		if (is_table(desc, level)) {
			table = next_table(desc);
			continue;
		}
		uint64_t offset_mask = level_size(level) - 1;
		*pa = (desc & DESC_ADDR_MASK & ~offset_mask) | (ipa & offset_mask);
		*kind = (desc & DESC_MEMATTR_MASK) == DESC_MEMATTR_NORMAL_WB ? MEM_KIND_NORMAL
									     : MEM_KIND_DEVICE;
		return true;
	}
	return false;
}

static void free_tables(struct page_pool *pool, uint64_t *table, int level)
{
	for (unsigned i = 0; i < ENTRIES; i++)
		if (is_table(table[i], level))
			free_tables(pool, next_table(table[i]), level + 1);
	page_free(pool, table);
}

/* The tables are freed after the flush, for the same reason as an unmap's. */
void stage2_destroy(struct stage2_table *t)
{
	stage2_tlb_flush(t);
	free_tables(t->pool, t->root, FIRST_LEVEL);
	t->root = NULL;
}
