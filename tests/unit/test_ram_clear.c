/* Sharing the clear of a stopped zone's RAM (hypervisor/core/ram_clear.c):
 * every byte of its RAM regions cleared exactly once, in chunks a helper
 * may take, and nothing taken for another generation or after the end. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "arch.h"
#include "ram_clear.h"

#define MIB         (1ULL << 20)
#define MAX_CLEARS  64
#define GENERATION  7

struct cleared {
	uint64_t pa, size;
	bool by_helper;
};

static struct cleared clears[MAX_CLEARS];
static unsigned num_clears;
static bool clearing_as_helper;

/* Set by a test: the first chunk the releasing CPU clears lets a "helper"
 * run in its middle, as another CPU would. */
static struct ram_clear *helper_job;
static const struct zone_config *helper_config;
static uint32_t helper_generation;

void arch_clear_memory(uint64_t pa, uint64_t size)
{
	assert_true(num_clears < MAX_CLEARS);
	clears[num_clears++] = (struct cleared){ pa, size, clearing_as_helper };
	if (helper_job && !clearing_as_helper) {
		struct ram_clear *job = helper_job;

		helper_job = NULL;
		clearing_as_helper = true;
		ram_clear_help(job, helper_config, helper_generation);
		clearing_as_helper = false;
	}
}

void arch_cpu_relax(void)
{
	fail_msg("the releasing CPU waited on chunks nobody is clearing");
}

static int reset(void **state)
{
	(void)state;
	num_clears = 0;
	clearing_as_helper = false;
	helper_job = NULL;
	return 0;
}

/* A RAM region of 5 MiB (two whole chunks and a half), an I/O region, and
 * a RAM region of exactly 2 MiB. */
static struct zone_config two_ram_regions(void)
{
	struct zone_config c;

	memset(&c, 0, sizeof(c));
	c.num_memory_regions = 3;
	c.memory_regions[0] = (struct memory_region){ MEM_TYPE_RAM, 0x50000000, 0x50000000, 5 * MIB };
	c.memory_regions[1] = (struct memory_region){ MEM_TYPE_IO, 0x9000000, 0x9000000, 0x1000 };
	c.memory_regions[2] = (struct memory_region){ MEM_TYPE_RAM, 0x60000000, 0x0, 2 * MIB };
	return c;
}

static void assert_cleared_exactly(void)
{
	static const struct cleared expected[] = {
		{ 0x50000000, 2 * MIB, false }, { 0x50200000, 2 * MIB, false },
		{ 0x50400000, 1 * MIB, false }, { 0x60000000, 2 * MIB, false },
	};
	bool seen[4] = { false };

	assert_int_equal(num_clears, 4);
	for (unsigned i = 0; i < num_clears; i++) {
		unsigned match = 4;

		for (unsigned j = 0; j < 4; j++)
			if (clears[i].pa == expected[j].pa && clears[i].size == expected[j].size)
				match = j;
		assert_true(match < 4);
		assert_false(seen[match]);
		seen[match] = true;
	}
}

static void the_releasing_cpu_alone_clears_every_ram_chunk_once(void **state)
{
	struct zone_config c = two_ram_regions();
	struct ram_clear job = { 0 };

	(void)state;
	ram_clear_run(&job, &c, GENERATION);
	assert_cleared_exactly();
}

static void a_helper_takes_the_chunks_left_and_none_is_cleared_twice(void **state)
{
	struct zone_config c = two_ram_regions();
	struct ram_clear job = { 0 };
	unsigned by_helper = 0;

	(void)state;
	helper_job = &job;
	helper_config = &c;
	helper_generation = GENERATION;
	ram_clear_run(&job, &c, GENERATION);
	assert_cleared_exactly();
	for (unsigned i = 0; i < num_clears; i++)
		by_helper += clears[i].by_helper;
	assert_int_equal(by_helper, 3);
}

static void a_helper_of_another_generation_takes_nothing(void **state)
{
	struct zone_config c = two_ram_regions();
	struct ram_clear job = { 0 };

	(void)state;
	helper_job = &job;
	helper_config = &c;
	helper_generation = GENERATION + 1;
	ram_clear_run(&job, &c, GENERATION);
	assert_cleared_exactly();
	for (unsigned i = 0; i < num_clears; i++)
		assert_false(clears[i].by_helper);
}

static void a_helper_after_the_clear_or_before_any_takes_nothing(void **state)
{
	struct zone_config c = two_ram_regions();
	struct ram_clear job = { 0 };

	(void)state;
	ram_clear_help(&job, &c, 0);
	assert_int_equal(num_clears, 0);
	ram_clear_run(&job, &c, GENERATION);
	ram_clear_help(&job, &c, GENERATION);
	assert_int_equal(num_clears, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(the_releasing_cpu_alone_clears_every_ram_chunk_once, reset),
		cmocka_unit_test_setup(a_helper_takes_the_chunks_left_and_none_is_cleared_twice,
				       reset),
		cmocka_unit_test_setup(a_helper_of_another_generation_takes_nothing, reset),
		cmocka_unit_test_setup(a_helper_after_the_clear_or_before_any_takes_nothing, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
