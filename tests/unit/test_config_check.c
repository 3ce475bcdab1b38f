/* The zone config validator on the real QEMU virt platform: every rule, each
 * broken alone in an otherwise valid zone1, checked against the exact message
 * a user sees; real configs that must pass; conflicts between zones. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <tessera/hypercall.h>

#include "config_check.h"
#include "stage2.h"

#define CANARY 0xa5

/* Anything written past the message lands in the canary. */
struct guarded_error {
	struct config_error e;
	unsigned char canary[64];
};

static void assert_guard_intact(const struct guarded_error *g)
{
	for (size_t i = 0; i < sizeof(g->canary); i++)
		assert_int_equal(g->canary[i], CANARY);
	/* Terminated, and short of the buffer's end: never a truncated sentence. */
	assert_non_null(memchr(g->e.message, '\0', sizeof(g->e.message)));
	assert_true(strlen(g->e.message) < sizeof(g->e.message) - 1);
}

static void expect_verdict(const struct zone_config *c, const struct platform *plat, bool is_root,
			   int expected_err, const char *expected_message)
{
	struct guarded_error g;

	memset(&g, CANARY, sizeof(g));
	int err = zone_config_check(c, plat, is_root, &g.e);
	assert_guard_intact(&g);
	if (err != expected_err)
		fail_msg("got %d (\"%s\"), expected %d (\"%s\")", err, g.e.message, expected_err,
			 expected_message);
	assert_int_equal(g.e.err, expected_err);
	assert_string_equal(g.e.message, expected_message);
}

static void expect_accepted(const struct zone_config *c)
{
	expect_verdict(c, &platform, false, 0, "");
}

static void expect_rejected(const struct zone_config *c, const char *message)
{
	expect_verdict(c, &platform, false, -HV_EINVAL, message);
}

static void claim_interrupt(struct zone_config *c, unsigned intid)
{
	c->interrupts_bitmap[intid / 32] |= 1u << (intid % 32);
}

static struct memory_region region(uint32_t type, uint64_t physical, uint64_t virtual,
				   uint64_t size)
{
	return (struct memory_region){ type, physical, virtual, size };
}

/* hvisor's zone1 on QEMU: CPUs 2 and 3, 768 MiB of identity-mapped RAM carved
 * out of zone0's, virtio net, console and blk served by zone0. */
static struct zone_config zone1(void)
{
	struct zone_config c;

	memset(&c, 0, sizeof(c));
	c.zone_id = 1;
	strcpy(c.name, "zone1");
	c.cpus = 0xc;
	c.num_memory_regions = 4;
	c.memory_regions[0] = region(MEM_TYPE_RAM, 0x50000000, 0x50000000, 0x30000000);
	c.memory_regions[1] = region(MEM_TYPE_VIRTIO, 0xa003600, 0xa003600, 0x200);
	c.memory_regions[2] = region(MEM_TYPE_VIRTIO, 0xa003800, 0xa003800, 0x200);
	c.memory_regions[3] = region(MEM_TYPE_VIRTIO, 0xa003c00, 0xa003c00, 0x200);
	claim_interrupt(&c, 75);
	claim_interrupt(&c, 76);
	claim_interrupt(&c, 78);
	c.entry_point = 0x50400000;
	c.kernel_load_paddr = 0x50400000;
	c.kernel_size = 0x2400000;
	c.dtb_load_paddr = 0x50000000;
	c.dtb_size = 0x10000;
	c.arch_config.gic_version_tag = GIC_VERSION_TAG_V3;
	c.arch_config.gic.v3 = (struct gicv3_config){
		.gicd_base = 0x8000000, .gicd_size = 0x10000,
		.gicr_base = 0x80a0000, .gicr_size = 0x80000,
		.gits_base = 0x8080000, .gits_size = 0x20000,
	};
	return c;
}

/* zone1 with one more region, memory_regions[4]. */
static struct zone_config zone1_with(struct memory_region extra)
{
	struct zone_config c = zone1();

	c.memory_regions[c.num_memory_regions++] = extra;
	return c;
}

static void expect_region_accepted(struct memory_region extra)
{
	struct zone_config c = zone1_with(extra);

	expect_accepted(&c);
}

static void expect_region_rejected(struct memory_region extra, const char *message)
{
	struct zone_config c = zone1_with(extra);

	expect_rejected(&c, message);
}

/* ---- configs that must pass ---- */

static void accepts_the_platforms_root_zone(void **state)
{
	(void)state;
	assert_non_null(platform.root_zone);
	expect_verdict(platform.root_zone, &platform, true, 0, "");
}

static void accepts_zone1(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	expect_accepted(&c);
}

static void accepts_values_on_every_boundary(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.zone_id = MAX_ZONES - 1;
	memset(c.name, 'n', CONFIG_NAME_MAXLEN - 1);
	c.cpus = 0x8;                                     /* the last CPU */
	claim_interrupt(&c, 32);                          /* the first SPI */
	claim_interrupt(&c, 255);                         /* the last INTID */
	c.entry_point = 0x80000000 - 4;                   /* the last instruction of RAM */
	c.kernel_load_paddr = 0x80000000 - c.kernel_size; /* ends where RAM ends */
	c.dtb_load_paddr = 0x50000000;
	expect_accepted(&c);
}

/* Adds `type` windows of a page each, from `base` on, until the config has
 * `count` regions. */
static void fill_with_windows(struct zone_config *c, uint32_t type, uint64_t base, uint32_t count)
{
	while (c->num_memory_regions < count) {
		uint64_t window = base + 0x1000 * c->num_memory_regions;
		c->memory_regions[c->num_memory_regions++] = region(type, window, window, 0x1000);
	}
}

static void fill_with_virtio_windows(struct zone_config *c, uint64_t base)
{
	fill_with_windows(c, MEM_TYPE_VIRTIO, base, CONFIG_MAX_MEMORY_REGIONS);
}

static void accepts_64_memory_regions(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	fill_with_windows(&c, MEM_TYPE_IO, 0xa004000, CONFIG_MAX_MEMORY_REGIONS);
	expect_accepted(&c);
}

/* No ITS is offered: whatever the config says about it is ignored. */
static void ignores_the_its_fields(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.arch_config.gic.v3.gits_base = 0xffffffffffffffff;
	c.arch_config.gic.v3.gits_size = 0x12345;
	expect_accepted(&c);
	/* Nor is the ITS's guest-physical window one that must trap. */
	expect_region_accepted(region(MEM_TYPE_IO, 0xc000000, 0x8080000, 0x1000));
}

static void skips_images_of_size_0(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.kernel_size = 0;
	c.kernel_load_paddr = 0xffffffffffffffff;
	c.dtb_size = 0;
	c.dtb_load_paddr = 0x1000;
	expect_accepted(&c);
}

/* The entry point is where the guest starts (guest-physical); the loader
 * writes images at physical addresses. */
static void checks_entry_in_guest_and_images_in_physical_space(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.memory_regions[0] = region(MEM_TYPE_RAM, 0x90000000, 0x40000000, 0x10000000);
	c.entry_point = 0x40400000;
	c.kernel_load_paddr = 0x90400000;
	c.dtb_load_paddr = 0x90000000;
	expect_accepted(&c);
	c.entry_point = 0x90400000;
	expect_rejected(&c, "entry_point 0x90400000: not inside a RAM region's guest-physical "
			    "range");
	c.entry_point = 0x40400000;
	c.kernel_load_paddr = 0x40400000;
	expect_rejected(&c, "kernel_load_paddr 0x40400000: the kernel (size 0x2400000) is not "
			    "entirely inside a RAM region");
}

/* ---- identity ---- */

static void rejects_id_0_unless_root(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.zone_id = 0;
	expect_rejected(&c, "zone_id 0: only the root zone may have id 0");
	expect_verdict(platform.root_zone, &platform, false, -HV_EINVAL,
		       "zone_id 0: only the root zone may have id 0");
}

static void rejects_id_beyond_max_zones(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.zone_id = MAX_ZONES;
	expect_rejected(&c, "zone_id 8: not below the maximum of 8 zones");
	c.zone_id = 0xffffffff;
	expect_rejected(&c, "zone_id 4294967295: not below the maximum of 8 zones");
}

static void rejects_empty_name(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	memset(c.name, 0, sizeof(c.name));
	expect_rejected(&c, "name \"\": a zone needs a name");
}

static void rejects_unterminated_name(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	memset(c.name, 'z', sizeof(c.name));
	expect_rejected(&c, "name \"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\": not NUL-terminated within "
			    "its 32 bytes");
}

/* ---- CPUs ---- */

static void rejects_zone_without_cpus(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.cpus = 0;
	expect_rejected(&c, "cpus 0x0: a zone needs at least one CPU");
}

static void rejects_cpu_the_machine_lacks(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.cpus = 0x1c;
	expect_rejected(&c, "cpus 0x1c: CPU 4 does not exist on this machine (4 CPUs)");
	c.cpus = 1ULL << 63;
	expect_rejected(&c, "cpus 0x8000000000000000: CPU 63 does not exist on this machine "
			    "(4 CPUs)");
}

/* ---- arch_config ---- */

static void rejects_aarch32(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.arch_config.is_aarch32 = 1;
	expect_rejected(&c, "arch_config.is_aarch32 1: AArch32 zones are not supported");
}

static void rejects_gic_other_than_v3(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.arch_config.gic_version_tag = GIC_VERSION_TAG_V2;
	expect_rejected(&c, "arch_config.gic_version_tag 0: only GICv3 (tag 1) is supported");
}

static void rejects_distributor_window_not_the_machines(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.arch_config.gic.v3.gicd_base = 0x8010000;
	expect_rejected(&c, "arch_config.gicd_base 0x8010000: the GIC distributor window must be "
			    "exactly 0x8000000 size 0x10000");
	c = zone1();
	c.arch_config.gic.v3.gicd_size = 0x20000;
	expect_rejected(&c, "arch_config.gicd_size 0x20000: the GIC distributor window must be "
			    "exactly 0x8000000 size 0x10000");
}

static void rejects_redistributor_window_not_the_machines(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.arch_config.gic.v3.gicr_base = 0x80c0000;
	expect_rejected(&c, "arch_config.gicr_base 0x80c0000: the GIC redistributors window must "
			    "start at 0x80a0000");
	c = zone1();
	c.arch_config.gic.v3.gicr_size = 0xf80000;
	expect_rejected(&c, "arch_config.gicr_size 0xf80000: the GIC redistributors window must "
			    "be whole frames of 0x20000, at most 0xf60000 (the board's "
			    "redistributor region)");
	c.arch_config.gic.v3.gicr_size = 0x30000;
	expect_rejected(&c, "arch_config.gicr_size 0x30000: the GIC redistributors window must "
			    "be whole frames of 0x20000, at most 0xf60000 (the board's "
			    "redistributor region)");
	c.arch_config.gic.v3.gicr_size = 0;
	expect_rejected(&c, "arch_config.gicr_size 0x0: the GIC redistributors window must "
			    "be whole frames of 0x20000, at most 0xf60000 (the board's "
			    "redistributor region)");
}

/* hvisor's QEMU configs name QEMU virt's whole redistributor region, frames
 * for 123 CPUs; only the machine's frames are emulated, the rest reads as
 * zero, so any whole number of frames up to the region is safe. */
static void accepts_the_boards_whole_redistributor_region(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.arch_config.gic.v3.gicr_size = 0xf60000;
	expect_accepted(&c);
	c.arch_config.gic.v3.gicr_size = 0xa0000;
	expect_accepted(&c);
	c.arch_config.gic.v3.gicr_size = 0x20000;
	expect_accepted(&c);
}

/* The window may cover the board's whole region whatever the CPU count the
 * hypervisor found at boot; the CPUs a zone names must exist. A board that
 * reserves no more than its CPUs' frames bounds the window by them. */
static void redistributor_window_follows_the_cpu_count(void **state)
{
	struct platform plat = platform;
	struct zone_config c = zone1();

	(void)state;
	plat.num_cpus = 8;
	plat.irqchip_windows[1].size = 8 * 0x20000;
	expect_verdict(&c, &plat, false, 0, "");
	c.arch_config.gic.v3.gicr_size = 0xf60000;
	expect_verdict(&c, &plat, false, 0, "");
	c = zone1();
	c.cpus = 0x30;
	expect_verdict(&c, &plat, false, 0, "");
	c.cpus = 0x300;
	expect_verdict(&c, &plat, false, -HV_EINVAL,
		       "cpus 0x300: CPU 8 does not exist on this machine (8 CPUs)");

	plat.num_cpus = 2;
	plat.irqchip_windows[1].size = 2 * 0x20000;
	c = zone1();
	expect_verdict(&c, &plat, false, -HV_EINVAL,
		       "cpus 0xc: CPU 2 does not exist on this machine (2 CPUs)");
	c.cpus = 0x2;
	expect_verdict(&c, &plat, false, 0, "");

	plat.irqchip_per_cpu_span = 0;
	expect_verdict(&c, &plat, false, -HV_EINVAL,
		       "arch_config.gicr_size 0x80000: the GIC redistributors window must be "
		       "whole frames of 0x20000, at most 0x40000 (the board's redistributor "
		       "region)");
	c.arch_config.gic.v3.gicr_size = 0x40000;
	expect_verdict(&c, &plat, false, 0, "");
}

/* ---- hvisor's example zone1 configs for QEMU aarch64 (hvisor v0.4's
 * platform/aarch64/qemu-gicv3/configs, hvisor-tool v0.5's
 * examples/qemu-aarch64), field by field ---- */

/* hvisor-tool's zone1_linux.json: one VIRTIO window over several devices,
 * the whole redistributor region, an ITS window, is_aarch32 false. */
static struct zone_config hvisor_tool_zone1(void)
{
	struct zone_config c = { 0 };

	c.zone_id = 1;
	memcpy(c.name, "linux2", 7);
	c.cpus = 0xc;
	c.num_memory_regions = 2;
	c.memory_regions[0] = region(MEM_TYPE_RAM, 0x50000000, 0x50000000, 0x30000000);
	c.memory_regions[1] = region(MEM_TYPE_VIRTIO, 0xa000000, 0xa000000, 0x4000);
	claim_interrupt(&c, 76);
	claim_interrupt(&c, 78);
	c.entry_point = 0x50400000;
	c.kernel_load_paddr = 0x50400000;
	c.kernel_size = 0x2400000;
	c.dtb_load_paddr = 0x50000000;
	c.dtb_size = 0x10000;
	c.arch_config.is_aarch32 = 0;
	c.arch_config.gic_version_tag = GIC_VERSION_TAG_V3;
	c.arch_config.gic.v3 = (struct gicv3_config){
		.gicd_base = 0x8000000, .gicd_size = 0x10000,
		.gicr_base = 0x80a0000, .gicr_size = 0xf60000,
		.gits_base = 0x8080000, .gits_size = 0x20000,
	};
	return c;
}

static void accepts_hvisor_tools_example_zone1(void **state)
{
	struct zone_config c = hvisor_tool_zone1();

	(void)state;
	expect_accepted(&c);
}

/* hvisor's zone1-linux.json: a VIRTIO window per device and three SPIs,
 * accepted; its PCI bus and devices are refused, saying why. */
static void hvisor_example_zone1_is_accepted_but_for_its_pci(void **state)
{
	struct zone_config c = hvisor_tool_zone1();

	(void)state;
	c.num_memory_regions = 4;
	c.memory_regions[1] = region(MEM_TYPE_VIRTIO, 0xa003600, 0xa003600, 0x200);
	c.memory_regions[2] = region(MEM_TYPE_VIRTIO, 0xa003800, 0xa003800, 0x200);
	c.memory_regions[3] = region(MEM_TYPE_VIRTIO, 0xa003c00, 0xa003c00, 0x200);
	claim_interrupt(&c, 75);
	expect_accepted(&c);
	c.num_pci_bus = 1;
	c.pci_config[0] = (struct pci_config){
		.ecam_base = 0x4010000000, .ecam_size = 0x10000000,
		.io_base = 0x3eff0000, .io_size = 0x10000,
		.mem32_base = 0x10000000, .mem32_size = 0x2eff0000, .pci_mem32_base = 0x10000000,
		.mem64_base = 0x8000000000, .mem64_size = 0x8000000000,
		.pci_mem64_base = 0x8000000000, .bus_range_end = 0x1f,
	};
	c.num_pci_devs = 2;
	c.alloc_pci_devs[1].device = 1;
	expect_rejected(&c, "num_pci_bus 1: tessera emulates no PCI host bridge, so a zone can "
			    "have no PCI bus (give it an empty pci_config)");
}

/* hvisor's zone1-ruxos.json: RAM at another guest-physical address is
 * fine; the physical console UART, which the hypervisor and zone0 use, is
 * refused (a zone gets an emulated one at the same address). */
static void hvisor_example_ruxos_is_refused_for_the_uart(void **state)
{
	struct zone_config c = hvisor_tool_zone1();

	(void)state;
	memcpy(c.name, "ruxos1", 7);
	c.memory_regions[0] = region(MEM_TYPE_RAM, 0x50000000, 0x40000000, 0x30000000);
	claim_interrupt(&c, 75);
	c.entry_point = 0x40080000;
	c.kernel_load_paddr = 0x50080000;
	c.kernel_size = 0x100000;
	expect_accepted(&c);
	c.num_memory_regions = 3;
	c.memory_regions[2] = c.memory_regions[1];
	c.memory_regions[1] = region(MEM_TYPE_IO, 0x9000000, 0x9000000, 0x1000);
	expect_rejected(&c, "memory_regions[1].physical_start 0x9000000: IO region overlaps the "
			    "console UART, which only the root zone may map");
}

/* ---- memory regions: count and shape ---- */

static void rejects_zone_without_memory_regions(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.num_memory_regions = 0;
	expect_rejected(&c, "num_memory_regions 0: a zone needs memory");
}

static void rejects_too_many_memory_regions(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.num_memory_regions = CONFIG_MAX_MEMORY_REGIONS + 1;
	expect_rejected(&c, "num_memory_regions 65: more than 64 memory regions");
}

static void rejects_unknown_region_type(void **state)
{
	(void)state;
	expect_region_rejected(region(3, 0xc000000, 0xc000000, 0x1000),
			       "memory_regions[4].type 3: unknown type (0 RAM, 1 IO, 2 VIRTIO)");
}

static void rejects_empty_region(void **state)
{
	(void)state;
	expect_region_rejected(region(MEM_TYPE_IO, 0xc000000, 0xc000000, 0),
			       "memory_regions[4].size 0x0: IO region is empty");
	expect_region_rejected(region(MEM_TYPE_VIRTIO, 0xc000000, 0xc000000, 0),
			       "memory_regions[4].size 0x0: VIRTIO region is empty");
}

static void rejects_unaligned_mapping(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	expect_region_rejected(region(MEM_TYPE_IO, 0xc000800, 0xc000000, 0x1000),
			       "memory_regions[4].physical_start 0xc000800: IO region is not 4 KiB "
			       "aligned");
	expect_region_rejected(region(MEM_TYPE_IO, 0xc000000, 0xc000200, 0x1000),
			       "memory_regions[4].virtual_start 0xc000200: IO region is not 4 KiB "
			       "aligned");
	c.memory_regions[0].size += 0x800;
	expect_rejected(&c, "memory_regions[0].size 0x30000800: RAM region is not 4 KiB aligned");
}

/* Each VIRTIO window is emulated (trapped), as are the GIC's two and the
 * console: a zone has room for MAX_MMIO_HANDLERS of them, and the hypervisor
 * must not find that out after it has begun to take the zone's resources.
 * zone1 has RAM and three VIRTIO regions. */
static void rejects_more_virtio_windows_than_a_zone_holds(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	/* The RAM region and 21 VIRTIO windows. */
	fill_with_windows(&c, MEM_TYPE_VIRTIO, 0xa004000, 1 + MAX_MMIO_HANDLERS - 3);
	expect_accepted(&c);
	/* Other regions do not count. */
	fill_with_windows(&c, MEM_TYPE_IO, 0xa004000, CONFIG_MAX_MEMORY_REGIONS - 1);
	expect_accepted(&c);
	c.memory_regions[c.num_memory_regions++] = region(MEM_TYPE_VIRTIO, 0xc000000, 0xc000000,
							  0x200);
	expect_rejected(&c, "memory_regions[63].type 2: VIRTIO region 22 of the zone, more than "
			    "the 21 that fit (a zone has 24 emulated windows; the interrupt "
			    "controller and the console take 3)");

	/* The root zone has the real UART and no VIRTIO region is trapped for it. */
	c.zone_id = 0;
	expect_verdict(&c, &platform, true, 0, "");
}

/* VIRTIO windows are trapped, not mapped: hvisor's are 0x200 bytes. */
static void accepts_small_unaligned_virtio_window(void **state)
{
	(void)state;
	expect_region_accepted(region(MEM_TYPE_VIRTIO, 0xa003e10, 0xa003e10, 0x10));
}

static void rejects_region_that_wraps(void **state)
{
	(void)state;
	expect_region_rejected(region(MEM_TYPE_IO, 0xc000000, 0xfffffffffffff000, 0x2000),
			       "memory_regions[4].virtual_start 0xfffffffffffff000: IO region "
			       "wraps around the end of the guest-physical address space");
	/* Ending exactly at 2^64 is past any representable end, too. */
	expect_region_rejected(region(MEM_TYPE_VIRTIO, 0xc000000, 0xffffffffffffff00, 0x100),
			       "memory_regions[4].virtual_start 0xffffffffffffff00: VIRTIO region "
			       "wraps around the end of the guest-physical address space");
	expect_region_rejected(region(MEM_TYPE_IO, 0xfffffffffffff000, 0xc000000, 0x2000),
			       "memory_regions[4].physical_start 0xfffffffffffff000: IO region "
			       "wraps around the end of the physical address space");
}

static void rejects_region_beyond_guest_physical_space(void **state)
{
	const uint64_t limit = 1ULL << 39;

	(void)state;
	assert_int_equal(stage2_ipa_limit(), limit);
	expect_region_accepted(region(MEM_TYPE_IO, 0xc000000, limit - 0x1000, 0x1000));
	expect_region_rejected(region(MEM_TYPE_IO, 0xc000000, limit - 0x1000, 0x2000),
			       "memory_regions[4].virtual_start 0x7ffffff000: IO region ends "
			       "beyond the guest-physical address space");
	/* Trapped windows must still be addressable. */
	expect_region_rejected(region(MEM_TYPE_VIRTIO, 0xc000000, limit, 0x200),
			       "memory_regions[4].virtual_start 0x8000000000: VIRTIO region ends "
			       "beyond the guest-physical address space");
}

static void rejects_region_beyond_physical_space(void **state)
{
	const uint64_t limit = 1ULL << 40;      /* VTCR_EL2.PS = 0b010 */

	(void)state;
	assert_int_equal(stage2_pa_limit(), limit);
	expect_region_accepted(region(MEM_TYPE_IO, limit - 0x1000, 0xc000000, 0x1000));
	expect_region_rejected(region(MEM_TYPE_IO, limit - 0x1000, 0xc000000, 0x2000),
			       "memory_regions[4].physical_start 0xfffffff000: IO region ends "
			       "beyond the physical address space");
	/* A stage-2 descriptor could hold it, but not this PA size. */
	expect_region_rejected(region(MEM_TYPE_IO, 1ULL << 47, 0xc000000, 0x1000),
			       "memory_regions[4].physical_start 0x800000000000: IO region ends "
			       "beyond the physical address space");
}

/* ---- memory regions: what a mapping may reach ---- */

static void rejects_ram_outside_the_machines_ram(void **state)
{
	(void)state;
	/* RAM is 0x40000000 - 0x140000000. */
	expect_region_accepted(region(MEM_TYPE_RAM, 0x13ffff000, 0x90000000, 0x1000));
	expect_region_rejected(region(MEM_TYPE_RAM, 0x13ffff000, 0x90000000, 0x2000),
			       "memory_regions[4].physical_start 0x13ffff000: RAM region lies "
			       "outside the machine's RAM");
	expect_region_rejected(region(MEM_TYPE_RAM, 0x3ffff000, 0x90000000, 0x2000),
			       "memory_regions[4].physical_start 0x3ffff000: RAM region lies "
			       "outside the machine's RAM");
}

static void rejects_mapping_over_the_hypervisor(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.memory_regions[0].physical_start -= 0x1000;
	expect_rejected(&c, "memory_regions[0].physical_start 0x4ffff000: RAM region overlaps the "
			    "hypervisor's memory");
	expect_region_rejected(region(MEM_TYPE_IO, 0x40400000, 0xc000000, 0x1000),
			       "memory_regions[4].physical_start 0x40400000: IO region overlaps "
			       "the hypervisor's memory");
}

/* Real boards put the pool inside the hypervisor's range; one that does not
 * must still keep it from zones. */
static void rejects_mapping_over_the_page_pool(void **state)
{
	struct platform plat = platform;
	struct zone_config c = zone1_with(region(MEM_TYPE_RAM, 0x41000000, 0x90000000, 0x1000));

	(void)state;
	plat.hypervisor = (struct phys_range){ 0x40000000, 0x1000000 };
	expect_verdict(&c, &plat, false, -HV_EINVAL,
		       "memory_regions[4].physical_start 0x41000000: RAM region overlaps the "
		       "hypervisor's page pool");
	c.memory_regions[4] = region(MEM_TYPE_IO, 0x47fff000, 0xc000000, 0x1000);
	expect_verdict(&c, &plat, false, -HV_EINVAL,
		       "memory_regions[4].physical_start 0x47fff000: IO region overlaps the "
		       "hypervisor's page pool");
	c.memory_regions[4] = region(MEM_TYPE_RAM, 0x48000000, 0x90000000, 0x1000);
	expect_verdict(&c, &plat, false, 0, "");
}

static void rejects_console_uart_unless_root(void **state)
{
	struct zone_config c = zone1_with(region(MEM_TYPE_IO, 0x9000000, 0xc000000, 0x1000));

	(void)state;
	expect_rejected(&c, "memory_regions[4].physical_start 0x9000000: IO region overlaps the "
			    "console UART, which only the root zone may map");
	expect_verdict(&c, &platform, true, 0, "");
}

static void rejects_io_over_ram(void **state)
{
	(void)state;
	expect_region_rejected(region(MEM_TYPE_IO, 0x60000000, 0x90000000, 0x1000),
			       "memory_regions[4].physical_start 0x60000000: IO region overlaps "
			       "the machine's RAM, which is not a device");
	expect_region_rejected(region(MEM_TYPE_IO, 0x13ffff000, 0x90000000, 0x1000),
			       "memory_regions[4].physical_start 0x13ffff000: IO region overlaps "
			       "the machine's RAM, which is not a device");
	expect_region_accepted(region(MEM_TYPE_IO, 0x140000000, 0x90000000, 0x1000));
}

static void rejects_mapping_over_a_hypervisor_device(void **state)
{
	/* First and last page of GICD, ITS and the redistributors, at an
	 * unrelated guest address: what counts is the physical one. The
	 * redistributors are QEMU's whole region: a frame of a CPU beyond the
	 * board's table (0x8120000, CPU 4's with -smp 8) is refused too. */
	static const uint64_t gic_pages[] = { 0x8000000, 0x800f000, 0x8080000, 0x809f000,
					      0x80a0000, 0x811f000, 0x8120000, 0x8fff000 };
	char message[192];

	(void)state;
	for (size_t i = 0; i < sizeof(gic_pages) / sizeof(gic_pages[0]); i++) {
		snprintf(message, sizeof(message),
			 "memory_regions[4].physical_start 0x%llx: IO region maps a device only "
			 "the hypervisor may map", (unsigned long long)gic_pages[i]);
		expect_region_rejected(region(MEM_TYPE_IO, gic_pages[i], 0xc000000, 0x1000),
				       message);
	}
	/* A large window with the whole GIC inside it. */
	expect_region_rejected(region(MEM_TYPE_IO, 0x7000000, 0xc000000, 0x2000000),
			       "memory_regions[4].physical_start 0x7000000: IO region maps a "
			       "device only the hypervisor may map");
}

static void accepts_mappings_next_to_hypervisor_devices(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	/* Below GICD, between GICD and the ITS, above the redistributors (the
	 * RTC, past the console UART). */
	c.memory_regions[c.num_memory_regions++] =
		region(MEM_TYPE_IO, 0x7fff000, 0xc000000, 0x1000);
	c.memory_regions[c.num_memory_regions++] =
		region(MEM_TYPE_IO, 0x8010000, 0xc010000, 0x70000);
	c.memory_regions[c.num_memory_regions++] =
		region(MEM_TYPE_IO, 0x9010000, 0xc120000, 0x1000);
	expect_accepted(&c);
}

/* ---- memory regions: guest-physical windows that must trap ---- */

static void rejects_region_over_the_gic_distributor_window(void **state)
{
	(void)state;
	expect_region_rejected(region(MEM_TYPE_IO, 0xc000000, 0x8000000, 0x1000),
			       "memory_regions[4].virtual_start 0x8000000: IO region covers the "
			       "zone's GIC distributor window");
	expect_region_rejected(region(MEM_TYPE_VIRTIO, 0x800fe00, 0x800fe00, 0x200),
			       "memory_regions[4].virtual_start 0x800fe00: VIRTIO region covers "
			       "the zone's GIC distributor window");
}

static void rejects_region_over_the_gic_redistributor_window(void **state)
{
	(void)state;
	expect_region_rejected(region(MEM_TYPE_IO, 0xc000000, 0x80a0000, 0x1000),
			       "memory_regions[4].virtual_start 0x80a0000: IO region covers the "
			       "zone's GIC redistributor window");
	expect_region_rejected(region(MEM_TYPE_VIRTIO, 0x811fe00, 0x811fe00, 0x200),
			       "memory_regions[4].virtual_start 0x811fe00: VIRTIO region covers "
			       "the zone's GIC redistributor window");
}

static void rejects_region_over_the_emulated_console_unless_root(void **state)
{
	struct zone_config c = zone1_with(region(MEM_TYPE_VIRTIO, 0x9000000, 0x9000000, 0x200));

	(void)state;
	expect_rejected(&c, "memory_regions[4].virtual_start 0x9000000: VIRTIO region covers the "
			    "zone's emulated console window");
	expect_verdict(&c, &platform, true, 0, "");
	expect_region_rejected(region(MEM_TYPE_IO, 0xc000000, 0x9000000, 0x1000),
			       "memory_regions[4].virtual_start 0x9000000: IO region covers the "
			       "zone's emulated console window");
}

/* ---- memory regions: against each other ---- */

static void rejects_regions_overlapping_in_guest_physical_space(void **state)
{
	(void)state;
	expect_region_rejected(region(MEM_TYPE_VIRTIO, 0xa003900, 0xa003900, 0x10),
			       "memory_regions[4].virtual_start 0xa003900: overlaps "
			       "memory_regions[2] in guest-physical space");
	expect_region_rejected(region(MEM_TYPE_IO, 0xc000000, 0x7ffff000, 0x1000),
			       "memory_regions[4].virtual_start 0x7ffff000: overlaps "
			       "memory_regions[0] in guest-physical space");
}

static void rejects_mappings_overlapping_in_physical_space(void **state)
{
	struct zone_config c = zone1_with(region(MEM_TYPE_IO, 0xc000000, 0xc000000, 0x1000));

	(void)state;
	expect_region_rejected(region(MEM_TYPE_RAM, 0x7ffff000, 0x90000000, 0x1000),
			       "memory_regions[4].physical_start 0x7ffff000: overlaps "
			       "memory_regions[0] in physical space");
	c.memory_regions[c.num_memory_regions++] =
		region(MEM_TYPE_IO, 0xc000000, 0xd000000, 0x1000);
	expect_rejected(&c, "memory_regions[5].physical_start 0xc000000: overlaps "
			    "memory_regions[4] in physical space");
	/* A trapped window is never mapped: its physical address is only a name. */
	expect_region_accepted(region(MEM_TYPE_VIRTIO, 0xa003600, 0xa005000, 0x200));
	expect_region_accepted(region(MEM_TYPE_IO, 0xa003000, 0xc000000, 0x1000));
}

/* ---- interrupts ---- */

static void rejects_sgis_and_ppis(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	claim_interrupt(&c, 27);
	expect_rejected(&c, "interrupts_bitmap[0] 0x8000000: INTID 27 is an SGI or PPI, private "
			    "to each CPU");
	c = zone1();
	claim_interrupt(&c, 0);
	expect_rejected(&c, "interrupts_bitmap[0] 0x1: INTID 0 is an SGI or PPI, private to each "
			    "CPU");
}

static void rejects_interrupt_the_machine_lacks(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	claim_interrupt(&c, 256);
	expect_rejected(&c, "interrupts_bitmap[8] 0x1: INTID 256 does not exist on this machine "
			    "(256 INTIDs)");
	c = zone1();
	claim_interrupt(&c, CONFIG_MAX_INTERRUPTS - 1);
	expect_rejected(&c, "interrupts_bitmap[31] 0x80000000: INTID 1023 does not exist on this "
			    "machine (256 INTIDs)");
}

/* ---- entry point and images ---- */

static void rejects_entry_point_outside_ram(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.entry_point = 0xa003800;
	expect_rejected(&c, "entry_point 0xa003800: not inside a RAM region's guest-physical "
			    "range");
	c.entry_point = 0x80000000 - 2;         /* the instruction straddles RAM's end */
	expect_rejected(&c, "entry_point 0x7ffffffe: not inside a RAM region's guest-physical "
			    "range");
}

static void rejects_kernel_outside_ram(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.kernel_load_paddr = 0x80000000 - c.kernel_size + 0x1000;
	expect_rejected(&c, "kernel_load_paddr 0x7dc01000: the kernel (size 0x2400000) is not "
			    "entirely inside a RAM region");
	c.kernel_load_paddr = 0xa003600;        /* a VIRTIO window is not RAM */
	expect_rejected(&c, "kernel_load_paddr 0xa003600: the kernel (size 0x2400000) is not "
			    "entirely inside a RAM region");
}

static void rejects_kernel_that_wraps(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.kernel_load_paddr = 0xfffffffffffff000;
	c.kernel_size = 0x2000;
	expect_rejected(&c, "kernel_load_paddr 0xfffffffffffff000: the kernel (size 0x2000) wraps "
			    "around the end of the address space");
}

static void rejects_dtb_outside_ram(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.dtb_load_paddr = 0x80000000 - 0x8000;
	expect_rejected(&c, "dtb_load_paddr 0x7fff8000: the device tree (size 0x10000) is not "
			    "entirely inside a RAM region");
}

static void rejects_dtb_that_wraps(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.dtb_load_paddr = 0xffffffffffff0000;
	c.dtb_size = 0x10001;
	expect_rejected(&c, "dtb_load_paddr 0xffffffffffff0000: the device tree (size 0x10001) "
			    "wraps around the end of the address space");
}

/* ---- features not offered ---- */

static void rejects_ivc(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.num_ivc_configs = CONFIG_MAX_IVC_CONFIGS + 1;
	expect_rejected(&c, "num_ivc_configs 3: more than 2 IVC configs");
	c.num_ivc_configs = 1;
	expect_rejected(&c, "num_ivc_configs 1: IVC is not supported yet");
}

static void rejects_pci(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.num_pci_bus = CONFIG_MAX_PCI_BUS + 1;
	expect_rejected(&c, "num_pci_bus 5: more than 4 PCI buses");
	c.num_pci_bus = 1;
	expect_rejected(&c, "num_pci_bus 1: tessera emulates no PCI host bridge, so a zone can "
			    "have no PCI bus (give it an empty pci_config)");
	c = zone1();
	c.num_pci_devs = CONFIG_MAX_PCI_DEVS + 1;
	expect_rejected(&c, "num_pci_devs 33: more than 32 PCI devices");
	c.num_pci_devs = 1;
	expect_rejected(&c, "num_pci_devs 1: tessera emulates no PCI host bridge, so a zone can "
			    "have no PCI device (give it no alloc_pci_devs)");
}

/* ---- order ---- */

static void reports_the_first_failing_rule(void **state)
{
	struct zone_config c = zone1();

	(void)state;
	c.cpus = 0;
	c.num_memory_regions = 0;
	c.num_pci_bus = 1;
	expect_rejected(&c, "cpus 0x0: a zone needs at least one CPU");
}

/* ---- conflicts with running zones ---- */

static void expect_conflict_verdict(const struct zone_config *c,
				    const struct zone_config *const running[],
				    unsigned num_running, int expected_err,
				    const char *expected_message)
{
	struct guarded_error g;

	memset(&g, CANARY, sizeof(g));
	int err = zone_config_check_conflicts(c, running, num_running, &g.e);
	assert_guard_intact(&g);
	if (err != expected_err)
		fail_msg("got %d (\"%s\"), expected %d (\"%s\")", err, g.e.message, expected_err,
			 expected_message);
	assert_int_equal(g.e.err, expected_err);
	assert_string_equal(g.e.message, expected_message);
}

/* A second guest beside zone1: CPU 1, its own RAM, virtio window and SPI. */
static struct zone_config zone2(void)
{
	struct zone_config c = zone1();

	c.zone_id = 2;
	strcpy(c.name, "zone2");
	c.cpus = 0x2;
	c.num_memory_regions = 2;
	c.memory_regions[0] = region(MEM_TYPE_RAM, 0x80000000, 0x50000000, 0x10000000);
	c.memory_regions[1] = region(MEM_TYPE_VIRTIO, 0xa003e00, 0xa003e00, 0x200);
	memset(c.interrupts_bitmap, 0, sizeof(c.interrupts_bitmap));
	claim_interrupt(&c, 79);
	c.kernel_load_paddr = 0x80400000;
	c.dtb_load_paddr = 0x80000000;
	return c;
}

static void accepts_zone1_beside_the_root_zone(void **state)
{
	const struct zone_config *root = platform.root_zone;
	const struct zone_config *const running[] = { root };
	struct zone_config c = zone1();

	(void)state;
	/* zone0 lends what zone1 takes: part of its RAM and three of its SPIs. */
	assert_int_equal(root->memory_regions[0].type, MEM_TYPE_RAM);
	assert_true(root->memory_regions[0].physical_start <= 0x50000000);
	assert_true(root->memory_regions[0].physical_start + root->memory_regions[0].size >=
		    0x80000000);
	assert_true(root->interrupts_bitmap[2] & (1u << (76 % 32)));
	expect_conflict_verdict(&c, running, 1, 0, "");
}

static void accepts_disjoint_zones(void **state)
{
	struct zone_config z1 = zone1(), z2 = zone2();
	const struct zone_config *const running[] = { platform.root_zone, &z1 };

	(void)state;
	expect_verdict(&z2, &platform, false, 0, "");
	expect_conflict_verdict(&z2, running, 2, 0, "");
}

/* Zones 2-7 hold nothing zone1 wants; with zone1 itself running too, every
 * slot is taken, and that is the answer rather than the id in use. */
static void rejects_when_no_slot_is_free(void **state)
{
	struct zone_config others[MAX_ZONES], c = zone1();
	const struct zone_config *running[MAX_ZONES] = { platform.root_zone };

	(void)state;
	memset(others, 0, sizeof(others));
	for (unsigned z = 2; z < MAX_ZONES; z++) {
		others[z].zone_id = z;
		running[z - 1] = &others[z];
	}
	expect_conflict_verdict(&c, running, MAX_ZONES - 1, 0, "");
	running[MAX_ZONES - 1] = &c;
	expect_conflict_verdict(&c, running, MAX_ZONES, -HV_ENOMEM,
				"zone_id 1: all 8 zone slots are in use");
}

static void rejects_an_id_already_running(void **state)
{
	struct zone_config z1 = zone1(), c = zone2();
	const struct zone_config *const running[] = { platform.root_zone, &z1 };

	(void)state;
	c.zone_id = 1;
	expect_conflict_verdict(&c, running, 2, -HV_EINVAL,
				"zone_id 1: a zone with this id is already running");
}

static void rejects_a_cpu_of_another_zone(void **state)
{
	struct zone_config z1 = zone1(), c = zone2();
	const struct zone_config *const running[] = { platform.root_zone, &z1 };

	(void)state;
	c.cpus = 0xa;
	expect_conflict_verdict(&c, running, 2, -HV_EBUSY,
				"cpus 0xa: CPU 3 belongs to running zone 1");
}

static void rejects_taking_the_root_zones_last_cpu(void **state)
{
	struct zone_config c = zone1(), z2 = zone2();
	const struct zone_config *const root_only[] = { platform.root_zone };
	const struct zone_config *const with_z2[] = { platform.root_zone, &z2 };

	(void)state;
	c.cpus = 0x1;           /* one of zone0's two: allowed here */
	expect_conflict_verdict(&c, root_only, 1, 0, "");
	c.cpus = 0xf;
	expect_conflict_verdict(&c, root_only, 1, -HV_EBUSY,
				"cpus 0xf: would take zone 0's last CPU (zone 0 has 0x3)");
	/* zone2 already took CPU 1 from zone0, whose config still lists it. */
	c.cpus = 0x1;
	expect_conflict_verdict(&c, with_z2, 2, -HV_EBUSY,
				"cpus 0x1: would take zone 0's last CPU (zone 0 has 0x3)");
}

static void rejects_memory_of_another_zone(void **state)
{
	struct zone_config z1 = zone1(), c = zone2();
	const struct zone_config *const running[] = { platform.root_zone, &z1 };

	(void)state;
	c.memory_regions[0].physical_start = 0x70000000;
	expect_conflict_verdict(&c, running, 2, -HV_EBUSY,
				"memory_regions[0].physical_start 0x70000000: zone 2's RAM region "
				"overlaps memory_regions[0] of running zone 1");
	c = zone2();
	c.memory_regions[1] = region(MEM_TYPE_VIRTIO, 0xa003800, 0xa003e00, 0x200);
	expect_conflict_verdict(&c, running, 2, -HV_EBUSY,
				"memory_regions[1].physical_start 0xa003800: zone 2's VIRTIO "
				"region overlaps memory_regions[2] of running zone 1");
	z1 = zone1_with(region(MEM_TYPE_IO, 0xc000000, 0xc000000, 0x2000));
	c = zone2();
	c.memory_regions[c.num_memory_regions++] =
		region(MEM_TYPE_IO, 0xc001000, 0xc000000, 0x1000);
	expect_conflict_verdict(&c, running, 2, -HV_EBUSY,
				"memory_regions[2].physical_start 0xc001000: zone 2's IO region "
				"overlaps memory_regions[4] of running zone 1");
	/* Across types: device memory over the page of zone1's virtio window. */
	z1 = zone1();
	c = zone2();
	c.memory_regions[c.num_memory_regions++] =
		region(MEM_TYPE_IO, 0xa003000, 0xc000000, 0x1000);
	expect_conflict_verdict(&c, running, 2, -HV_EBUSY,
				"memory_regions[2].physical_start 0xa003000: zone 2's IO region "
				"overlaps memory_regions[1] of running zone 1");
}

static void rejects_an_spi_of_another_zone(void **state)
{
	struct zone_config z1 = zone1(), c = zone2();
	const struct zone_config *const running[] = { platform.root_zone, &z1 };

	(void)state;
	claim_interrupt(&c, 76);
	expect_conflict_verdict(&c, running, 2, -HV_EBUSY,
				"interrupts_bitmap[2] 0x9000: INTID 76 belongs to running zone 1");
}

/* ---- message size ---- */

/* The longest messages fit whole; the guard in the expect_ helpers would
 * catch a truncated one or any write past the buffer. */
static void longest_messages_fit(void **state)
{
	struct zone_config c = zone1(), other = zone2();
	const struct zone_config *const running[] = { platform.root_zone, &other };

	(void)state;
	fill_with_virtio_windows(&c, 0xa004000);
	c.memory_regions[63] = region(MEM_TYPE_VIRTIO, 0xffffffffffffff00, 0xc000000, 0x200);
	expect_rejected(&c, "memory_regions[63].physical_start 0xffffffffffffff00: VIRTIO region "
			    "wraps around the end of the physical address space");

	c.zone_id = 7;
	other.zone_id = 6;
	fill_with_virtio_windows(&other, 0xb000000);
	c.memory_regions[63] = region(MEM_TYPE_VIRTIO, 0xfffffffc00, 0xc000000, 0x200);
	other.memory_regions[63] = c.memory_regions[63];
	expect_conflict_verdict(&c, running, 2, -HV_EBUSY,
				"memory_regions[63].physical_start 0xfffffffc00: zone 7's VIRTIO "
				"region overlaps memory_regions[63] of running zone 6");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_the_platforms_root_zone),
		cmocka_unit_test(accepts_zone1),
		cmocka_unit_test(accepts_values_on_every_boundary),
		cmocka_unit_test(accepts_64_memory_regions),
		cmocka_unit_test(ignores_the_its_fields),
		cmocka_unit_test(skips_images_of_size_0),
		cmocka_unit_test(checks_entry_in_guest_and_images_in_physical_space),
		cmocka_unit_test(rejects_id_0_unless_root),
		cmocka_unit_test(rejects_id_beyond_max_zones),
		cmocka_unit_test(rejects_empty_name),
		cmocka_unit_test(rejects_unterminated_name),
		cmocka_unit_test(rejects_zone_without_cpus),
		cmocka_unit_test(rejects_cpu_the_machine_lacks),
		cmocka_unit_test(rejects_aarch32),
		cmocka_unit_test(rejects_gic_other_than_v3),
		cmocka_unit_test(rejects_distributor_window_not_the_machines),
		cmocka_unit_test(rejects_redistributor_window_not_the_machines),
		cmocka_unit_test(redistributor_window_follows_the_cpu_count),
		cmocka_unit_test(accepts_the_boards_whole_redistributor_region),
		cmocka_unit_test(accepts_hvisor_tools_example_zone1),
		cmocka_unit_test(hvisor_example_zone1_is_accepted_but_for_its_pci),
		cmocka_unit_test(hvisor_example_ruxos_is_refused_for_the_uart),
		cmocka_unit_test(rejects_zone_without_memory_regions),
		cmocka_unit_test(rejects_too_many_memory_regions),
		cmocka_unit_test(rejects_unknown_region_type),
		cmocka_unit_test(rejects_empty_region),
		cmocka_unit_test(rejects_unaligned_mapping),
		cmocka_unit_test(rejects_more_virtio_windows_than_a_zone_holds),
		cmocka_unit_test(accepts_small_unaligned_virtio_window),
		cmocka_unit_test(rejects_region_that_wraps),
		cmocka_unit_test(rejects_region_beyond_guest_physical_space),
		cmocka_unit_test(rejects_region_beyond_physical_space),
		cmocka_unit_test(rejects_ram_outside_the_machines_ram),
		cmocka_unit_test(rejects_mapping_over_the_hypervisor),
		cmocka_unit_test(rejects_mapping_over_the_page_pool),
		cmocka_unit_test(rejects_console_uart_unless_root),
		cmocka_unit_test(rejects_io_over_ram),
		cmocka_unit_test(rejects_mapping_over_a_hypervisor_device),
		cmocka_unit_test(accepts_mappings_next_to_hypervisor_devices),
		cmocka_unit_test(rejects_region_over_the_gic_distributor_window),
		cmocka_unit_test(rejects_region_over_the_gic_redistributor_window),
		cmocka_unit_test(rejects_region_over_the_emulated_console_unless_root),
		cmocka_unit_test(rejects_regions_overlapping_in_guest_physical_space),
		cmocka_unit_test(rejects_mappings_overlapping_in_physical_space),
		cmocka_unit_test(rejects_sgis_and_ppis),
		cmocka_unit_test(rejects_interrupt_the_machine_lacks),
		cmocka_unit_test(rejects_entry_point_outside_ram),
		cmocka_unit_test(rejects_kernel_outside_ram),
		cmocka_unit_test(rejects_kernel_that_wraps),
		cmocka_unit_test(rejects_dtb_outside_ram),
		cmocka_unit_test(rejects_dtb_that_wraps),
		cmocka_unit_test(rejects_ivc),
		cmocka_unit_test(rejects_pci),
		cmocka_unit_test(reports_the_first_failing_rule),
		cmocka_unit_test(accepts_zone1_beside_the_root_zone),
		cmocka_unit_test(accepts_disjoint_zones),
		cmocka_unit_test(rejects_when_no_slot_is_free),
		cmocka_unit_test(rejects_an_id_already_running),
		cmocka_unit_test(rejects_a_cpu_of_another_zone),
		cmocka_unit_test(rejects_taking_the_root_zones_last_cpu),
		cmocka_unit_test(rejects_memory_of_another_zone),
		cmocka_unit_test(rejects_an_spi_of_another_zone),
		cmocka_unit_test(longest_messages_fit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
