/* Guest-address translation: a range is translated only if one region of
 * the zone holds all of it, whatever the arithmetic would wrap to. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "zone_memory.h"

static uint8_t low_ram[0x2000];
static uint8_t high_ram[0x1000];

/* Two adjacent guest regions whose local copies are not adjacent. */
static struct zone_memory two_regions(void)
{
	struct zone_memory memory = {
		.num_regions = 2,
		.regions = {
			{ .zone_address = 0x40000000, .zone0_address = 0x80000000, .size = sizeof(low_ram),
			  .local = low_ram },
			{ .zone_address = 0x40002000, .zone0_address = 0x90000000, .size = sizeof(high_ram),
			  .local = high_ram },
		},
		.mapped = true,
	};

	return memory;
}

static void ranges_inside_one_region_translate(void **state)
{
	struct zone_memory memory = two_regions();
	(void)state;

	assert_ptr_equal(zone_memory_translate(&memory, 0x40000000, 16), low_ram);
	assert_ptr_equal(zone_memory_translate(&memory, 0x40000010, 0x1ff0), low_ram + 0x10);
	assert_ptr_equal(zone_memory_translate(&memory, 0x40002000, 0x1000), high_ram);
	assert_ptr_equal(zone_memory_translate(&memory, 0x40002fff, 1), high_ram + 0xfff);
	assert_ptr_equal(zone_memory_translate(&memory, 0x40001fff, 0), low_ram + 0x1fff);
}

static void ranges_outside_or_across_regions_do_not(void **state)
{
	struct zone_memory memory = two_regions();
	(void)state;

	assert_null(zone_memory_translate(&memory, 0x3fffffff, 1));
	assert_null(zone_memory_translate(&memory, 0x3fffffff, 2));
	assert_null(zone_memory_translate(&memory, 0x40003000, 1));
	/* Adjacent in the guest, not in the daemon: never one pointer. */
	assert_null(zone_memory_translate(&memory, 0x40001ff0, 0x20));
	assert_null(zone_memory_translate(&memory, 0x40000000, 0x2001));
}

static void wrapping_arithmetic_is_refused(void **state)
{
	struct zone_memory memory = two_regions();
	(void)state;

	assert_null(zone_memory_translate(&memory, 0x40000010, UINT64_MAX));
	assert_null(zone_memory_translate(&memory, 0x40000010, UINT64_MAX - 0x40000000));
	assert_null(zone_memory_translate(&memory, UINT64_MAX, 2));
	assert_null(zone_memory_translate(&memory, 0x40000000, 0xffffffff));
}

static void nothing_translates_before_mapping(void **state)
{
	struct zone_memory memory = two_regions();
	(void)state;

	memory.mapped = false;
	assert_null(zone_memory_translate(&memory, 0x40000000, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ranges_inside_one_region_translate),
		cmocka_unit_test(ranges_outside_or_across_regions_do_not),
		cmocka_unit_test(wrapping_arithmetic_is_refused),
		cmocka_unit_test(nothing_translates_before_mapping),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
