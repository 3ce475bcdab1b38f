/* What the hypervisor's own (HS-mode, Sv39) page tables hold: an identity
 * map of the device window below RAM and of all RAM, in 1 GiB pages, except
 * the GiB holding the hart stacks, in 2 MiB pages, and the 2 MiB holding
 * them, in 4 KiB pages that leave out each stack's guard page. Pure logic,
 * tested on the host; mmu.c installs the result. */
#ifndef ASM_HS_MAP_H
#define ASM_HS_MAP_H

#include <stdbool.h>
#include <stdint.h>

#define HS_TABLE_ENTRIES 512

struct hs_tables {
	uint64_t l2[HS_TABLE_ENTRIES];     /* the root: 1 GiB each */
	uint64_t l1[HS_TABLE_ENTRIES];     /* the stacks' GiB, 2 MiB each */
	uint64_t l0[HS_TABLE_ENTRIES];     /* the stacks' 2 MiB, 4 KiB each */
} __attribute__((aligned(4096)));

struct hs_layout {
	uint64_t ram_start;
	uint64_t ram_size;
	/* num_stacks slots of stack_slot bytes from `stacks`, page-aligned and
	 * inside one 2 MiB block; the first page of each slot is its guard. */
	uint64_t stacks;
	uint64_t stack_slot;
	unsigned num_stacks;
};

/* Fills every entry of the three tables. */
void hs_tables_build(struct hs_tables *t, const struct hs_layout *layout);

/* Whether addr lies in a stack's guard page; *slot is then that stack's
 * index (its CPU's). */
bool hs_guard_page_slot(const struct hs_layout *layout, uint64_t addr, unsigned *slot);

#endif
