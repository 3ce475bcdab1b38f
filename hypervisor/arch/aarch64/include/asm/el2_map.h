/* What the hypervisor's own (EL2 stage-1) translation tables hold: an
 * identity map of the device window below RAM and of all RAM, in 1 GiB
 * blocks, except the GiB holding the CPU stacks, in 2 MiB blocks, and the
 * 2 MiB block holding them, in 4 KiB pages that leave out each stack's guard
 * page. Pure logic, tested on the host; mmu.c installs the result. */
#ifndef ASM_EL2_MAP_H
#define ASM_EL2_MAP_H

#include <stdbool.h>
#include <stdint.h>

#define EL2_TABLE_ENTRIES     512

/* MAIR_EL2 attribute indexes the descriptors name. */
#define EL2_MAIR_NORMAL_WB    0
#define EL2_MAIR_DEVICE_nGnRE 1

struct el2_tables {
	uint64_t l1[EL2_TABLE_ENTRIES];     /* 1 GiB each */
	uint64_t l2[EL2_TABLE_ENTRIES];     /* the stacks' GiB, 2 MiB each */
	uint64_t l3[EL2_TABLE_ENTRIES];     /* the stacks' 2 MiB, 4 KiB each */
} __attribute__((aligned(4096)));

struct el2_layout {
	uint64_t ram_start;
	uint64_t ram_size;
	/* num_stacks slots of stack_slot bytes from `stacks`, page-aligned and
	 * inside one 2 MiB block; the first page of each slot is its guard. */
	uint64_t stacks;
	uint64_t stack_slot;
	unsigned num_stacks;
};

/* Writes every entry of the three tables with aligned 64-bit stores only,
 * as it runs with the MMU off (all memory Device). */
void el2_tables_build(struct el2_tables *t, const struct el2_layout *layout);

/* Whether addr lies in a stack's guard page; *slot is then that stack's
 * index (its CPU's). */
bool el2_guard_page_slot(const struct el2_layout *layout, uint64_t addr, unsigned *slot);

#endif
