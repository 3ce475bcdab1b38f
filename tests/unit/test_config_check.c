/* The zone configuration validator: every rejection reason, and real configs
 * that must pass. Each rejection case starts from hvisor's zone1 config (valid)
 * and breaks exactly one thing. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <tessera/hypercall.h>

#include "config_check.h"
#include "stage2.h"

/* config_check.c links stage2_table.c for the IPA limit; nothing here flushes. */
void stage2_tlb_flush(const struct stage2_table *table)
{
	(void)table;
	fail_msg("no TLB flush expected");
}

/* GICD, ITS and the redistributors of 4 CPUs. */
static const struct phys_range gic_registers[] = {
	{ 0x08000000, 0x10000 },
	{ 0x08080000, 0x20000 },
	{ 0x080a0000, 0x80000 },
};

/* QEMU virt as hypervisor/platform/qemu-virt/platform.c describes it. */
static const struct platform qemu_virt = {
	.name = "QEMU virt (test)",
	.num_cpus = 4,
	.cpu_hw_ids = { 0x0, 0x1, 0x2, 0x3 },
	.ram = { 0x40000000, 0x100000000ULL },
	.hypervisor = { 0x40000000, 0x10000000 },
	.page_pool = { 0x41000000, 0x07000000 },
	.num_interrupts = 288,
	.hypervisor_devices = gic_registers,
	.num_hypervisor_devices = 3,
};

static void claim_interrupt(struct zone_config *c, unsigned intid)
{
	c->interrupts_bitmap[intid / 32] |= 1u << (intid % 32);
}

/* hvisor's zone1 ("linux2") on QEMU: CPUs 2 and 3, 768 MiB of identity-mapped
 * RAM, virtio net/console/blk trapped by zone0's backend. */
static struct zone_config zone1(void)
{
	struct zone_config c;

	memset(&c, 0, sizeof(c));
	c.zone_id = 1;
	c.cpus = 1u << 2 | 1u << 3;
	strcpy(c.name, "linux2");
	c.num_memory_regions = 4;
	c.memory_regions[0] = (struct memory_region){ MEM_TYPE_RAM, 0x50000000, 0x50000000,
						      0x30000000 };
	c.memory_regions[1] = (struct memory_region){ MEM_TYPE_VIRTIO, 0xa003600, 0xa003600, 0x200 };
	c.memory_regions[2] = (struct memory_region){ MEM_TYPE_VIRTIO, 0xa003800, 0xa003800, 0x200 };
	c.memory_regions[3] = (struct memory_region){ MEM_TYPE_VIRTIO, 0xa003c00, 0xa003c00, 0x200 };
	claim_interrupt(&c, 75);
	claim_interrupt(&c, 76);
	claim_interrupt(&c, 78);
	c.entry_point = 0x50400000;
	c.kernel_load_paddr = 0x50400000;
	c.kernel_size = 0x2000000;
	c.dtb_load_paddr = 0x50000000;
	c.dtb_size = 0x10000;
	c.arch_config.gic_version_tag = GIC_VERSION_TAG_V3;
	c.arch_config.gic.v3.gicd_base = 0x08000000;
	c.arch_config.gic.v3.gicd_size = 0x10000;
	c.arch_config.gic.v3.gicr_base = 0x080a0000;
	c.arch_config.gic.v3.gicr_size = 0xf60000;
	return c;
}

static void assert_accepted(const struct zone_config *c)
{
	const char *reason = NULL;
	int err = zone_config_check(c, &qemu_virt, &reason);

	if (err)
		fail_msg("rejected: %s", reason ? reason : "(no reason)");
}

static void assert_rejected(const struct zone_config *c, const char *expected_reason)
{
	const char *reason = NULL;

	assert_int_equal(zone_config_check(c, &qemu_virt, &reason), -HV_EINVAL);
	assert_non_null(reason);
	assert_string_equal(reason, expected_reason);
}

/* Adds a region to a copy of zone1 and expects it rejected. */
static void assert_region_rejected(struct memory_region r, const char *expected_reason)
{
	struct zone_config c = zone1();

	c.memory_regions[c.num_memory_regions++] = r;
	assert_rejected(&c, expected_reason);
}

static void accepts_hvisor_zone1(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	assert_accepted(&c);
}

static void accepts_the_platforms_own_root_zone(void **state)
{
	const char *reason = NULL;

	(void)state;
	assert_non_null(platform.root_zone);
	if (zone_config_check(platform.root_zone, &platform, &reason))
		fail_msg("root zone rejected: %s", reason);
}

static void accepts_values_on_every_boundary(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.zone_id = MAX_ZONES - 1;
	c.cpus = 1u << 3;                                 /* the last CPU */
	claim_interrupt(&c, 287);                         /* the last INTID */
	c.entry_point = 0x80000000 - 4;                   /* last word of RAM */
	c.dtb_load_paddr = 0x80000000 - 0x10000;          /* ends where RAM ends */
	/* Device memory right below the hypervisor, and at the top of the IPA space. */
	c.memory_regions[c.num_memory_regions++] =
		(struct memory_region){ MEM_TYPE_IO, 0x3ffff000, 0x3ffff000, 0x1000 };
	c.memory_regions[c.num_memory_regions++] =
		(struct memory_region){ MEM_TYPE_IO, 0x09000000, stage2_ipa_limit() - 0x1000, 0x1000 };
	c.num_ivc_configs = CONFIG_MAX_IVC_CONFIGS;
	c.num_pci_bus = CONFIG_MAX_PCI_BUS;
	c.num_pci_devs = CONFIG_MAX_PCI_DEVS;
	assert_accepted(&c);
}

static void rejects_zone_id_out_of_range(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.zone_id = MAX_ZONES;
	assert_rejected(&c, "zone_id is out of range");
}

static void rejects_zone_without_cpus(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.cpus = 0;
	assert_rejected(&c, "zone has no CPUs");
}

static void rejects_cpu_the_platform_lacks(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.cpus |= 1u << 4;
	assert_rejected(&c, "zone names a CPU the platform does not have");
	c.cpus = 1ULL << 63;
	assert_rejected(&c, "zone names a CPU the platform does not have");
}

static void rejects_zone_without_memory_regions(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.num_memory_regions = 0;
	assert_rejected(&c, "zone has no memory regions");
}

static void rejects_too_many_memory_regions(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.num_memory_regions = CONFIG_MAX_MEMORY_REGIONS + 1;
	assert_rejected(&c, "too many memory regions");
}

static void rejects_unknown_region_type(void **state)
{
	(void)state;
	assert_region_rejected((struct memory_region){ 3, 0x09000000, 0x09000000, 0x1000 },
			       "memory region has an unknown type");
}

static void rejects_empty_region(void **state)
{
	(void)state;
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x09000000, 0x09000000, 0 },
			       "memory region has size 0");
}

static void rejects_region_that_wraps(void **state)
{
	(void)state;
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x09000000, ~0xfffULL, 0x2000 },
			       "memory region wraps around the address space");
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, ~0xfffULL, 0x09000000, 0x2000 },
			       "memory region wraps around the address space");
}

static void rejects_region_beyond_ipa_space(void **state)
{
	(void)state;
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x09000000,
						       stage2_ipa_limit() - 0x1000, 0x2000 },
			       "memory region lies beyond the guest-physical address space");
	/* Trapped regions are not mapped, but must still be addressable. */
	assert_region_rejected((struct memory_region){ MEM_TYPE_VIRTIO, 0, stage2_ipa_limit(),
						       0x200 },
			       "memory region lies beyond the guest-physical address space");
}

static void rejects_region_beyond_physical_address_space(void **state)
{
	const uint64_t pa_limit = 1ULL << 40;      /* VTCR_EL2.PS = 0b010 */

	(void)state;
	assert_int_equal(stage2_pa_limit(), pa_limit);
	/* Its last page is past the limit. */
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, pa_limit - 0x1000, 0x09000000,
						       0x2000 },
			       "memory region lies beyond the physical address space");
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, pa_limit, 0x09000000, 0x1000 },
			       "memory region lies beyond the physical address space");
	/* Addressable by a stage-2 descriptor (48 bits), but not by this PS. */
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 1ULL << 47, 0x09000000, 0x1000 },
			       "memory region lies beyond the physical address space");
}

static void accepts_region_ending_at_the_physical_limit(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.memory_regions[c.num_memory_regions++] =
		(struct memory_region){ MEM_TYPE_IO, stage2_pa_limit() - 0x1000, 0x09000000, 0x1000 };
	assert_accepted(&c);
}

static void rejects_region_over_a_hypervisor_device(void **state)
{
	static const char why[] = "memory region maps a device only the hypervisor may map";

	(void)state;
	/* Exactly the GICD, identity-mapped as a zone's config would name it. */
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x08000000, 0x08000000, 0x10000 },
			       why);
	/* Its last page only, at an unrelated IPA: what counts is the PA. */
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x0800f000, 0x20000000, 0x1000 },
			       why);
	/* A large window with the whole GIC inside it. */
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x07000000, 0x07000000,
						       0x2000000 },
			       why);
	/* Starting in the page before GICD, ending in its first page. */
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x07fff000, 0x07fff000, 0x2000 },
			       why);
	/* The ITS, first and last page. */
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x08080000, 0x08080000, 0x1000 },
			       why);
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x0809f000, 0x0809f000, 0x1000 },
			       why);
	/* The redistributors (the last entry of the list), first and last page. */
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x080a0000, 0x080a0000, 0x1000 },
			       why);
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x0811f000, 0x0811f000, 0x1000 },
			       why);
	/* RAM over a device is rejected too. */
	assert_region_rejected((struct memory_region){ MEM_TYPE_RAM, 0x08000000, 0x90000000,
						       0x10000 },
			       why);
}

static void accepts_regions_next_to_hypervisor_devices(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	/* Right below GICD, the gap between GICD and ITS, and right above the
	 * redistributors. */
	c.memory_regions[c.num_memory_regions++] =
		(struct memory_region){ MEM_TYPE_IO, 0x07fff000, 0x07fff000, 0x1000 };
	c.memory_regions[c.num_memory_regions++] =
		(struct memory_region){ MEM_TYPE_IO, 0x08010000, 0x08010000, 0x70000 };
	c.memory_regions[c.num_memory_regions++] =
		(struct memory_region){ MEM_TYPE_IO, 0x08120000, 0x08120000, 0x1000 };
	assert_accepted(&c);
}

static void accepts_virtio_region_at_a_gic_address(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	/* Trapped, never mapped: the device rule does not apply. */
	c.memory_regions[c.num_memory_regions++] =
		(struct memory_region){ MEM_TYPE_VIRTIO, 0x08000000, 0x08000000, 0x200 };
	c.memory_regions[c.num_memory_regions++] =
		(struct memory_region){ MEM_TYPE_VIRTIO, 0x080a0000, 0x0c000000, 0x1000 };
	assert_accepted(&c);
}

static void the_real_platform_keeps_its_gic_for_the_hypervisor(void **state)
{
	static const uint64_t gic_pages[] = { 0x08000000, 0x0800f000, 0x08080000, 0x0809f000,
					      0x080a0000, 0x0811f000 };

	(void)state;
	for (unsigned i = 0; i < sizeof(gic_pages) / sizeof(gic_pages[0]); i++) {
		struct zone_config c = zone1();
		const char *reason = NULL;

		c.memory_regions[c.num_memory_regions++] =
			(struct memory_region){ MEM_TYPE_IO, gic_pages[i], gic_pages[i], 0x1000 };
		assert_int_equal(zone_config_check(&c, &platform, &reason), -HV_EINVAL);
		assert_non_null(reason);
		assert_string_equal(reason, "memory region maps a device only the hypervisor may map");
	}
}

static void rejects_unaligned_mapped_region(void **state)
{
	(void)state;
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x09000800, 0x09000800, 0x1000 },
			       "memory region is not page-aligned");
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x09000000, 0x09000000, 0x800 },
			       "memory region is not page-aligned");
}

static void rejects_region_over_the_hypervisor(void **state)
{
	(void)state;
	/* The last page of the hypervisor's memory, as device memory. */
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x4ffff000, 0x9000000, 0x1000 },
			       "memory region overlaps the hypervisor's memory");
	/* RAM starting one page early. */
	struct zone_config c = zone1();
	c.memory_regions[0].physical_start -= 0x1000;
	assert_rejected(&c, "memory region overlaps the hypervisor's memory");
}

static void rejects_ram_outside_machine_ram(void **state)
{
	(void)state;
	/* Ends one page past the top of RAM (0x140000000). */
	assert_region_rejected((struct memory_region){ MEM_TYPE_RAM, 0x13ffff000, 0x90000000, 0x2000 },
			       "RAM region lies outside the machine's RAM");
	assert_region_rejected((struct memory_region){ MEM_TYPE_RAM, 0x1000, 0x90000000, 0x1000 },
			       "RAM region lies outside the machine's RAM");
}

static void rejects_regions_overlapping_in_ipa_space(void **state)
{
	(void)state;
	/* A virtio region inside zone1's console virtio region. */
	assert_region_rejected((struct memory_region){ MEM_TYPE_VIRTIO, 0xa003900, 0xa003900, 0x10 },
			       "two memory regions overlap in guest-physical space");
	/* Device memory over the last page of RAM's IPA range. */
	assert_region_rejected((struct memory_region){ MEM_TYPE_IO, 0x09000000, 0x7ffff000, 0x1000 },
			       "two memory regions overlap in guest-physical space");
}

static void rejects_regions_overlapping_in_physical_space(void **state)
{
	(void)state;
	/* The same RAM aliased at a second IPA. */
	assert_region_rejected((struct memory_region){ MEM_TYPE_RAM, 0x50000000, 0x90000000, 0x1000 },
			       "two memory regions overlap in physical space");
}

static void rejects_interrupt_the_platform_lacks(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	claim_interrupt(&c, 288);
	assert_rejected(&c, "zone claims an interrupt the platform does not have");
	c = zone1();
	claim_interrupt(&c, CONFIG_MAX_INTERRUPTS - 1);
	assert_rejected(&c, "zone claims an interrupt the platform does not have");
}

static void rejects_entry_point_outside_ram(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.entry_point = 0xa003800;                   /* in a virtio region */
	assert_rejected(&c, "entry point is not in a RAM region");
	c.entry_point = 0x80000000 - 2;              /* the instruction straddles RAM's end */
	assert_rejected(&c, "entry point is not in a RAM region");
}

static void rejects_dtb_outside_ram(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.dtb_load_paddr = 0x80000000 - 0x8000;      /* half of it past RAM's end */
	assert_rejected(&c, "device tree is not in a RAM region");
}

static void rejects_kernel_outside_ram(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.kernel_load_paddr = 0x48000000;            /* hypervisor memory */
	assert_rejected(&c, "kernel image is not in a RAM region");
}

static void rejects_too_many_ivc_configs(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.num_ivc_configs = CONFIG_MAX_IVC_CONFIGS + 1;
	assert_rejected(&c, "too many IVC configs");
}

static void rejects_too_many_pci_buses_or_devices(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.num_pci_bus = CONFIG_MAX_PCI_BUS + 1;
	assert_rejected(&c, "too many PCI buses or devices");
	c = zone1();
	c.num_pci_devs = CONFIG_MAX_PCI_DEVS + 1;
	assert_rejected(&c, "too many PCI buses or devices");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_hvisor_zone1),
		cmocka_unit_test(accepts_the_platforms_own_root_zone),
		cmocka_unit_test(accepts_values_on_every_boundary),
		cmocka_unit_test(rejects_zone_id_out_of_range),
		cmocka_unit_test(rejects_zone_without_cpus),
		cmocka_unit_test(rejects_cpu_the_platform_lacks),
		cmocka_unit_test(rejects_zone_without_memory_regions),
		cmocka_unit_test(rejects_too_many_memory_regions),
		cmocka_unit_test(rejects_unknown_region_type),
		cmocka_unit_test(rejects_empty_region),
		cmocka_unit_test(rejects_region_that_wraps),
		cmocka_unit_test(rejects_region_beyond_ipa_space),
		cmocka_unit_test(rejects_region_beyond_physical_address_space),
		cmocka_unit_test(accepts_region_ending_at_the_physical_limit),
		cmocka_unit_test(rejects_region_over_a_hypervisor_device),
		cmocka_unit_test(accepts_regions_next_to_hypervisor_devices),
		cmocka_unit_test(accepts_virtio_region_at_a_gic_address),
		cmocka_unit_test(the_real_platform_keeps_its_gic_for_the_hypervisor),
		cmocka_unit_test(rejects_unaligned_mapped_region),
		cmocka_unit_test(rejects_region_over_the_hypervisor),
		cmocka_unit_test(rejects_ram_outside_machine_ram),
		cmocka_unit_test(rejects_regions_overlapping_in_ipa_space),
		cmocka_unit_test(rejects_regions_overlapping_in_physical_space),
		cmocka_unit_test(rejects_interrupt_the_platform_lacks),
		cmocka_unit_test(rejects_entry_point_outside_ram),
		cmocka_unit_test(rejects_dtb_outside_ram),
		cmocka_unit_test(rejects_kernel_outside_ram),
		cmocka_unit_test(rejects_too_many_ivc_configs),
		cmocka_unit_test(rejects_too_many_pci_buses_or_devices),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
