/* Stage-2 (guest-physical to physical) translation tables of one zone.
 * The table format is the architecture's; this interface is not. */
#ifndef STAGE2_H
#define STAGE2_H

#include <stdbool.h>
#include <stdint.h>

#include "page_pool.h"

enum mem_kind {
	MEM_KIND_NORMAL,     /* RAM: cacheable, executable */
	MEM_KIND_DEVICE,     /* device registers: uncached, never executable */
};

struct stage2_table {
	uint64_t *root;
	struct page_pool *pool;
	uint16_t vmid;
	uint64_t max_block;     /* largest leaf: a page, 2 MiB or 1 GiB */
};

/* max_block: the largest leaf the table may use; larger blocks mean fewer
 * TLB entries, but see the platform's reason for its choice. */
int stage2_init(struct stage2_table *table, struct page_pool *pool, uint16_t vmid,
		uint64_t max_block);
/* Maps [ipa, ipa + size) to [pa, pa + size). Fails with -HV_EEXIST, leaving
 * the table untouched, if any part of the range is already mapped. */
int stage2_map(struct stage2_table *table, uint64_t ipa, uint64_t pa, uint64_t size,
	       enum mem_kind kind);
/* Unmaps a range, splitting larger mappings that straddle its edges. */
int stage2_unmap(struct stage2_table *table, uint64_t ipa, uint64_t size);
bool stage2_translate(const struct stage2_table *table, uint64_t ipa, uint64_t *pa,
		      enum mem_kind *kind);
void stage2_destroy(struct stage2_table *table);

/* Drops the TLB entries of this table's VMID on every CPU, once the table
 * stores made before the call are visible to every CPU's walker; provided by
 * the architecture's glue. Called between breaking a live mapping and making
 * its replacement, and before a table page that was reachable goes back to
 * the pool. */
void stage2_tlb_flush(const struct stage2_table *table);

/* Largest guest-physical address space the table format covers. */
uint64_t stage2_ipa_limit(void);
/* Largest physical address space the tables may point into. */
uint64_t stage2_pa_limit(void);

#endif
