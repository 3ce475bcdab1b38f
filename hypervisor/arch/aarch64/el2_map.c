#include <asm/el2_map.h>

#include "util.h"

#define BLOCK_SIZE    (1ULL << 21)
#define GIB           (1ULL << 30)

#define DESC_VALID    (1ULL << 0)
/* At levels 1 and 2 a table descriptor; at level 3 the page descriptor. */
#define DESC_TABLE    (1ULL << 1)
#define ATTR_INDEX(n) ((uint64_t)(n) << 2)
#define SH_INNER      (3ULL << 8)
#define AF            (1ULL << 10)
#define XN            (1ULL << 54)

#define NORMAL        (ATTR_INDEX(EL2_MAIR_NORMAL_WB) | SH_INNER | AF)
#define DEVICE        (ATTR_INDEX(EL2_MAIR_DEVICE_nGnRE) | AF | XN)

bool el2_guard_page_slot(const struct el2_layout *l, uint64_t addr, unsigned *slot)
{
	if (!range_contains(l->stacks, l->num_stacks * l->stack_slot, addr, 1) ||
	    (addr - l->stacks) % l->stack_slot >= PAGE_SIZE)
		return false;
	*slot = (unsigned)((addr - l->stacks) / l->stack_slot);
	return true;
}

void el2_tables_build(struct el2_tables *t, const struct el2_layout *l)
{
	uint64_t stacks_gib = l->stacks & ~(GIB - 1);
	uint64_t stacks_block = l->stacks & ~(BLOCK_SIZE - 1);

	for (uint64_t i = 0; i < EL2_TABLE_ENTRIES; i++) {
		uint64_t addr = i * GIB;
		if (addr == stacks_gib)
			t->l1[i] = (uintptr_t)t->l2 | DESC_TABLE | DESC_VALID;
		else if (range_contains(l->ram_start, l->ram_size, addr, GIB))
			t->l1[i] = addr | NORMAL | DESC_VALID;
		else if (addr < l->ram_start)
			t->l1[i] = addr | DEVICE | DESC_VALID;
		else
			t->l1[i] = 0;
	}
	for (uint64_t i = 0; i < EL2_TABLE_ENTRIES; i++) {
		uint64_t addr = stacks_gib + i * BLOCK_SIZE;
		if (addr == stacks_block)
			t->l2[i] = (uintptr_t)t->l3 | DESC_TABLE | DESC_VALID;
		else if (range_contains(l->ram_start, l->ram_size, addr, BLOCK_SIZE))
			t->l2[i] = addr | NORMAL | DESC_VALID;
		else
			t->l2[i] = 0;
	}
	for (uint64_t i = 0; i < EL2_TABLE_ENTRIES; i++) {
		uint64_t addr = stacks_block + i * PAGE_SIZE;
		unsigned slot;
		t->l3[i] = el2_guard_page_slot(l, addr, &slot) ? 0 :
			   addr | NORMAL | DESC_TABLE | DESC_VALID;
	}
}
