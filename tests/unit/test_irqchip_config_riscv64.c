/* The validator with riscv64's interrupt-controller rules (a PLIC) on a
 * board like QEMU virt rv64: hvisor's zone1, then each PLIC rule broken
 * alone, checked against the exact message a user sees. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <tessera/hypercall.h>

#include "config_check.h"

#define PLIC_BASE 0xc000000ULL
#define PLIC_SIZE 0x600000ULL

static struct zone_config root = {
	.zone_id = 0,
	.cpus = 0x3,
	.name = "zone0",
	.arch_config = { .plic_base = PLIC_BASE, .plic_size = PLIC_SIZE },
};

static struct platform board = {
	.name = "riscv64 test board",
	.num_cpus = 4,
	.cpu_hw_ids = { 0, 1, 2, 3 },
	.ram = { 0x80000000, 0x100000000ULL },
	.hypervisor = { 0x80000000, 0x10000000 },
	.page_pool = { 0x81000000, 0x07000000 },
	.num_interrupts = 96,
	.stage2_max_block = 0x1000,
	.irqchip_windows = { { PLIC_BASE, PLIC_SIZE } },
	.virtio_wakeup_interrupt = 0x20,
	.console = { 0x10000000, 0x1000 },
	.root_zone = &root,
};

static void expect_verdict(const struct zone_config *c, int expected_err, const char *expected)
{
	struct config_error e;

	memset(&e, 0, sizeof(e));
	int err = zone_config_check(c, &board, false, &e);
	if (err != expected_err)
		fail_msg("got %d (\"%s\"), expected %d (\"%s\")", err, e.message, expected_err,
			 expected);
	assert_string_equal(e.message, expected);
}

static void expect_rejected(const struct zone_config *c, const char *message)
{
	expect_verdict(c, -HV_EINVAL, message);
}

/* Harts 2 and 3, 256 MiB of zone0's RAM, two virtio-mmio devices (PLIC
 * sources 1 and 2), hvisor's PLIC window of the whole architectural size. */
static struct zone_config zone1(void)
{
	struct zone_config c;

	memset(&c, 0, sizeof(c));
	c.zone_id = 1;
	strcpy(c.name, "zone1");
	c.cpus = 0xc;
	c.num_memory_regions = 3;
	c.memory_regions[0] = (struct memory_region){ MEM_TYPE_RAM, 0xf0000000, 0xf0000000,
						      0x10000000 };
	c.memory_regions[1] = (struct memory_region){ MEM_TYPE_VIRTIO, 0x10001000, 0x10001000,
						      0x1000 };
	c.memory_regions[2] = (struct memory_region){ MEM_TYPE_VIRTIO, 0x10002000, 0x10002000,
						      0x1000 };
	c.interrupts_bitmap[0] = 0x6;
	c.entry_point = 0xf0200000;
	c.dtb_load_paddr = 0xf0000000;
	c.dtb_size = 0x10000;
	c.arch_config = (struct arch_zone_config){ .plic_base = PLIC_BASE, .plic_size = 0x4000000,
						   .aplic_base = 0xd000000, .aplic_size = 0x8000 };
	return c;
}

static void accepts_hvisors_zone1(void **state)
{
	(void)state;
	struct zone_config c = zone1();
	expect_verdict(&c, 0, "");
	c.arch_config.plic_size = PLIC_SIZE;
	expect_verdict(&c, 0, "");
}

static void rejects_plic_elsewhere(void **state)
{
	(void)state;
	struct zone_config c = zone1();
	c.arch_config.plic_base = 0xd000000;
	expect_rejected(&c, "arch_config.plic_base 0xd000000: the PLIC window must start at the "
			    "machine's PLIC, 0xc000000");
}

static void rejects_plic_window_of_wrong_size(void **state)
{
	(void)state;
	struct zone_config c = zone1();
	const char *message = "the PLIC window must cover the machine's PLIC (0x600000) and at "
			      "most the PLIC's 0x4000000, in 4 KiB pages";
	char expected[192];

	c.arch_config.plic_size = 0x200000;
	snprintf(expected, sizeof(expected), "arch_config.plic_size 0x200000: %s", message);
	expect_rejected(&c, expected);
	c.arch_config.plic_size = 0x4001000;
	snprintf(expected, sizeof(expected), "arch_config.plic_size 0x4001000: %s", message);
	expect_rejected(&c, expected);
	c.arch_config.plic_size = 0x600800;
	snprintf(expected, sizeof(expected), "arch_config.plic_size 0x600800: %s", message);
	expect_rejected(&c, expected);
}

static void rejects_source_zero_and_missing_sources(void **state)
{
	(void)state;
	struct zone_config c = zone1();
	c.interrupts_bitmap[0] |= 1;
	expect_rejected(&c, "interrupts_bitmap[0] 0x7: PLIC source 0 does not exist (it means "
			    "\"no interrupt\")");
	c = zone1();
	c.interrupts_bitmap[3] = 0x1;
	expect_rejected(&c, "interrupts_bitmap[3] 0x1: PLIC source 96 does not exist on this "
			    "machine (sources 1 to 95)");
}

static void rejects_region_over_the_plic_window(void **state)
{
	(void)state;
	struct zone_config c = zone1();
	c.memory_regions[c.num_memory_regions++] =
		(struct memory_region){ MEM_TYPE_IO, 0xf000000, 0xf000000, 0x1000 };
	expect_rejected(&c, "memory_regions[3].virtual_start 0xf000000: IO region covers the "
			    "zone's PLIC window");
}

static void counts_one_window_for_the_plic(void **state)
{
	(void)state;
	struct zone_config c = zone1();
	c.num_memory_regions = 1;
	for (unsigned i = 0; i < MAX_MMIO_HANDLERS - 2; i++)
		c.memory_regions[c.num_memory_regions++] = (struct memory_region){
			MEM_TYPE_VIRTIO, 0x10001000 + i * 0x200ULL, 0x10001000 + i * 0x200ULL,
			0x200 };
	expect_verdict(&c, 0, "");
	c.memory_regions[c.num_memory_regions++] =
		(struct memory_region){ MEM_TYPE_VIRTIO, 0x10008000, 0x10008000, 0x200 };
	expect_rejected(&c, "memory_regions[23].type 2: VIRTIO region 23 of the zone, more than "
			    "the 22 that fit (a zone has 24 emulated windows; the interrupt "
			    "controller and the console take 2)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_hvisors_zone1),
		cmocka_unit_test(rejects_plic_elsewhere),
		cmocka_unit_test(rejects_plic_window_of_wrong_size),
		cmocka_unit_test(rejects_source_zero_and_missing_sources),
		cmocka_unit_test(rejects_region_over_the_plic_window),
		cmocka_unit_test(counts_one_window_for_the_plic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
