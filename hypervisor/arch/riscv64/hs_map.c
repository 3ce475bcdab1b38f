#include <asm/hs_map.h>

#include "util.h"

#define BLOCK_SIZE (1ULL << 21)
#define GIB        (1ULL << 30)

#define PTE_V (1ULL << 0)
#define PTE_R (1ULL << 1)
#define PTE_W (1ULL << 2)
#define PTE_X (1ULL << 3)
#define PTE_G (1ULL << 5)
#define PTE_A (1ULL << 6)
#define PTE_D (1ULL << 7)
#define PTE_PPN_SHIFT 2     /* a physical address's page number at bit 10 */

/* A and D set: nothing here relies on the hart updating them. */
#define MEMORY (PTE_R | PTE_W | PTE_X | PTE_G | PTE_A | PTE_D | PTE_V)
#define DEVICE (PTE_R | PTE_W | PTE_G | PTE_A | PTE_D | PTE_V)

static uint64_t pte(uint64_t pa, uint64_t flags)
{
	return pa >> PTE_PPN_SHIFT | flags;
}

static uint64_t table(const uint64_t *next)
{
	return pte((uintptr_t)next, PTE_V);
}

bool hs_guard_page_slot(const struct hs_layout *l, uint64_t addr, unsigned *slot)
{
	if (!range_contains(l->stacks, l->num_stacks * l->stack_slot, addr, 1) ||
	    (addr - l->stacks) % l->stack_slot >= PAGE_SIZE)
		return false;
	*slot = (unsigned)((addr - l->stacks) / l->stack_slot);
	return true;
}

void hs_tables_build(struct hs_tables *t, const struct hs_layout *l)
{
	uint64_t stacks_gib = l->stacks & ~(GIB - 1);
	uint64_t stacks_block = l->stacks & ~(BLOCK_SIZE - 1);

	for (uint64_t i = 0; i < HS_TABLE_ENTRIES; i++) {
		uint64_t addr = i * GIB;
		if (addr == stacks_gib)
			t->l2[i] = table(t->l1);
		else if (range_contains(l->ram_start, l->ram_size, addr, GIB))
			t->l2[i] = pte(addr, MEMORY);
		else if (addr < l->ram_start)
			t->l2[i] = pte(addr, DEVICE);
		else
			t->l2[i] = 0;
	}
	for (uint64_t i = 0; i < HS_TABLE_ENTRIES; i++) {
		uint64_t addr = stacks_gib + i * BLOCK_SIZE;
		if (addr == stacks_block)
			t->l1[i] = table(t->l0);
		else if (range_contains(l->ram_start, l->ram_size, addr, BLOCK_SIZE))
			t->l1[i] = pte(addr, MEMORY);
		else
			t->l1[i] = 0;
	}
	for (uint64_t i = 0; i < HS_TABLE_ENTRIES; i++) {
		uint64_t addr = stacks_block + i * PAGE_SIZE;
		unsigned slot;
		t->l0[i] = hs_guard_page_slot(l, addr, &slot) ? 0 : pte(addr, MEMORY);
	}
}
