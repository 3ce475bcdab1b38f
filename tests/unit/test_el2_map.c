/* The hypervisor's own translation tables, walked here as the MMU walks them
 * (VMSAv8-64, 4 KiB granule, 39-bit VA starting at level 1), independently
 * of el2_map.c's constants:
 *   bits [1:0] 0b01 block (levels 1-2), 0b11 table (levels 1-2) or page
 *   (level 3), anything else invalid; output address [47:12]; AttrIndx [4:2];
 *   SH [9:8]; AF [10]; XN [54]. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include <asm/el2_map.h>

#define GIB        (1ULL << 30)
#define MIB        (1ULL << 20)
#define KIB        (1ULL << 10)
#define OA_MASK    0x0000fffffffff000ULL

/* QEMU virt's 4 GiB of RAM, and 8 slots of 4 KiB guard + 16 KiB stack. */
#define RAM_START  0x40000000ULL
#define RAM_SIZE   (4 * GIB)
#define STACKS     0x4040f000ULL
#define SLOT       (20 * KIB)
#define NUM_STACKS 8

struct walk {
	bool valid;
	unsigned level;     /* of the last descriptor read */
	uint64_t pa;
	unsigned attr_index;
	bool xn;
	bool af;
};

static struct el2_tables tables;

static const struct el2_layout layout = {
	.ram_start = RAM_START,
	.ram_size = RAM_SIZE,
	.stacks = STACKS,
	.stack_slot = SLOT,
	.num_stacks = NUM_STACKS,
};

static struct walk translate(uint64_t va)
{
	const uint64_t *table = tables.l1;
	struct walk w = { 0 };

	for (unsigned level = 1; level <= 3; level++) {
		unsigned shift = 39 - 9 * level;
		uint64_t desc = table[(va >> shift) & 0x1ff];
		w.level = level;
		if ((desc & 3) == 3 && level < 3) {
			table = (const uint64_t *)(uintptr_t)(desc & OA_MASK);
			continue;
		}
		if ((desc & 3) != (level < 3 ? 1u : 3u))
			return w;
		w.valid = true;
		w.pa = (desc & OA_MASK & ~((1ULL << shift) - 1)) | (va & ((1ULL << shift) - 1));
		w.attr_index = (unsigned)(desc >> 2) & 7;
		w.xn = (desc >> 54) & 1;
		w.af = (desc >> 10) & 1;
		return w;
	}
	return w;
}

static int build(void **state)
{
	(void)state;
	memset(&tables, 0xa5, sizeof(tables));
	el2_tables_build(&tables, &layout);
	return 0;
}

static void assert_normal(uint64_t va, unsigned level)
{
	struct walk w = translate(va);

	if (!w.valid)
		fail_msg("0x%llx is not mapped", (unsigned long long)va);
	assert_int_equal(w.pa, va);
	assert_int_equal(w.level, level);
	assert_int_equal(w.attr_index, EL2_MAIR_NORMAL_WB);
	assert_true(w.af);
	assert_false(w.xn);
}

static void assert_unmapped(uint64_t va)
{
	if (translate(va).valid)
		fail_msg("0x%llx is mapped", (unsigned long long)va);
}

static void device_window_below_ram(void **state)
{
	struct walk w = translate(0x08000000);

	(void)state;
	assert_true(w.valid);
	assert_int_equal(w.pa, 0x08000000);
	assert_int_equal(w.level, 1);
	assert_int_equal(w.attr_index, EL2_MAIR_DEVICE_nGnRE);
	assert_true(w.xn);
}

static void ram_outside_the_stacks_gib_in_gib_blocks(void **state)
{
	(void)state;
	assert_normal(RAM_START + GIB, 1);
	assert_normal(RAM_START + RAM_SIZE - 8, 1);
	assert_unmapped(RAM_START + RAM_SIZE);
	assert_unmapped(0x8000000000ULL - 8);
}

static void stacks_gib_in_2mib_blocks(void **state)
{
	(void)state;
	assert_normal(RAM_START, 2);
	assert_normal(0x40200000, 2);   /* the block before the stacks' */
	assert_normal(0x41000000, 2);   /* the page pool */
	assert_normal(RAM_START + GIB - 8, 2);
}

static void each_guard_page_is_unmapped_and_each_stack_mapped(void **state)
{
	(void)state;
	for (uint64_t cpu = 0; cpu < NUM_STACKS; cpu++) {
		uint64_t guard = STACKS + cpu * SLOT;
		assert_unmapped(guard);
		assert_unmapped(guard + 4 * KIB - 8);
		assert_normal(guard + 4 * KIB, 3);
		assert_normal(guard + SLOT - 8, 3);
	}
}

static void rest_of_the_stacks_block_in_pages(void **state)
{
	uint64_t block = STACKS & ~(2 * MIB - 1);

	(void)state;
	assert_normal(block, 3);
	assert_normal(STACKS - 8, 3);
	assert_normal(STACKS + NUM_STACKS * SLOT, 3);
	assert_normal(block + 2 * MIB - 8, 3);
	for (uint64_t page = block; page < block + 2 * MIB; page += 4 * KIB)
		if (translate(page).valid != !(page >= STACKS && page < STACKS + NUM_STACKS * SLOT &&
					       (page - STACKS) % SLOT == 0))
			fail_msg("page 0x%llx", (unsigned long long)page);
}

/* What the hypervisor-fault report names: an overflow's address in a guard
 * page, and which CPU's stack that page lies below. */
static void an_address_in_a_guard_page_names_its_stack(void **state)
{
	unsigned slot = NUM_STACKS;

	(void)state;
	for (unsigned cpu = 0; cpu < NUM_STACKS; cpu++) {
		uint64_t guard = STACKS + cpu * SLOT;
		assert_true(el2_guard_page_slot(&layout, guard, &slot));
		assert_int_equal(slot, cpu);
		assert_true(el2_guard_page_slot(&layout, guard + 4 * KIB - 1, &slot));
		assert_int_equal(slot, cpu);
		assert_false(el2_guard_page_slot(&layout, guard + 4 * KIB, &slot));
		assert_false(el2_guard_page_slot(&layout, guard + SLOT - 1, &slot));
	}
	assert_false(el2_guard_page_slot(&layout, STACKS - 1, &slot));
	assert_false(el2_guard_page_slot(&layout, STACKS + NUM_STACKS * SLOT, &slot));
	assert_false(el2_guard_page_slot(&layout, 0, &slot));
	assert_false(el2_guard_page_slot(&layout, UINT64_MAX, &slot));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(device_window_below_ram, build),
		cmocka_unit_test_setup(ram_outside_the_stacks_gib_in_gib_blocks, build),
		cmocka_unit_test_setup(stacks_gib_in_2mib_blocks, build),
		cmocka_unit_test_setup(each_guard_page_is_unmapped_and_each_stack_mapped, build),
		cmocka_unit_test_setup(rest_of_the_stacks_block_in_pages, build),
		cmocka_unit_test(an_address_in_a_guard_page_names_its_stack),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
