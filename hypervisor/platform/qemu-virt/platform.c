/* QEMU `virt` (gic-version=3, virtualization=on, -m 4G), following hvisor's
 * memory map: the hypervisor and its page pool below 0x50000000, zone0 RAM
 * from 0x50000000. The CPU table is `-smp 4`'s, which `make run` uses and
 * zone0's tools check configs against; the hypervisor itself takes the CPUs
 * from the device tree QEMU boots it with, so -smp 2 (zone0's CPUs) up to
 * MAX_CPUS runs without a rebuild. */
#include <asm/gicv3.h>

#include "platform.h"

#define GICD_BASE            0x08000000ULL
#define GICD_SIZE            0x10000ULL
#define GITS_BASE            0x08080000ULL
#define GITS_SIZE            0x20000ULL
#define GICR_BASE            0x080a0000ULL
#define GICR_FRAME_SIZE      0x20000ULL
/* QEMU's first redistributor region: frames for up to 123 CPUs. */
#define GICR_REGION_SIZE     0xf60000ULL
#define NUM_CPUS             4
#define UART_BASE            0x09000000ULL
#define UART_SIZE            0x1000ULL

#define INTID_UART           33
#define INTID_VIRTIO_LAST    79

#define ZONE0_ENTRY          0xa0400000ULL
#define ZONE0_DTB            0xa0000000ULL

#define INTERRUPT_WORD(intid) ((intid) / 32)
#define INTERRUPT_BIT(intid)  (1u << ((intid) % 32))

static struct zone_config zone0 = {
	.zone_id = 0,
	.cpus = 0x3,
	.name = "zone0",
	.num_memory_regions = 3,
	.memory_regions = {
		{ .type = MEM_TYPE_RAM, .physical_start = 0x50000000, .virtual_start = 0x50000000,
		  .size = 0x70000000 },
		{ .type = MEM_TYPE_IO, .physical_start = UART_BASE, .virtual_start = UART_BASE,
		  .size = UART_SIZE },
		{ .type = MEM_TYPE_IO, .physical_start = 0x0a000000, .virtual_start = 0x0a000000,
		  .size = 0x4000 },
	},
	.interrupts_bitmap = {
		/* PL011 (33) and virtio-mmio 48-63 */
		[INTERRUPT_WORD(INTID_UART)] = INTERRUPT_BIT(INTID_UART) | 0xffff0000u,
		/* virtio-mmio 64-79 */
		[INTERRUPT_WORD(INTID_VIRTIO_LAST)] = 0x0000ffffu,
	},
	.entry_point = ZONE0_ENTRY,
	.dtb_load_paddr = ZONE0_DTB,
	.dtb_size = 0x10000,
	.arch_config = {
		.gic_version_tag = GIC_VERSION_TAG_V3,
		.gic.v3 = {
			.gicd_base = GICD_BASE, .gicd_size = GICD_SIZE,
			.gicr_base = GICR_BASE, .gicr_size = NUM_CPUS * GICR_FRAME_SIZE,
		},
	},
};

static const struct phys_range gic_registers[] = {
	{ GICD_BASE, GICD_SIZE },
	{ GITS_BASE, GITS_SIZE },
	{ GICR_BASE, GICR_REGION_SIZE },
};

struct platform platform = {
	.name = "QEMU virt (GICv3)",
	.num_cpus = NUM_CPUS,
	.cpu_hw_ids = { 0x0, 0x1, 0x2, 0x3 },
	.ram = { 0x40000000, 0x100000000ULL },
	.hypervisor = { 0x40000000, 0x10000000 },
	.page_pool = { 0x41000000, 0x07000000 },
	/* Where QEMU put its own DTB, which the hypervisor reads only at boot. */
	.restart_cache = { 0x48000000, 0x08000000 },
	.num_interrupts = 256,
	/* Pages only. Under QEMU's TCG a TLB entry from a stage-2 block counts
	 * as a large page, and each by-address TLBI a guest issues then flushes
	 * its whole TLB; Linux issues tens of thousands while booting. On
	 * hardware the largest blocks would be the choice. */
	.stage2_max_block = 0x1000,
	.irqchip_windows = {
		{ GICD_BASE, GICD_SIZE },
		{ GICR_BASE, NUM_CPUS * GICR_FRAME_SIZE },
	},
	.irqchip_per_cpu_size = GICR_FRAME_SIZE,
	.irqchip_per_cpu_span = GICR_REGION_SIZE,
	/* SPI 32, as hvisor's boards */
	.virtio_wakeup_interrupt = 64,
	.console = { UART_BASE, UART_SIZE },
	.hypervisor_devices = gic_registers,
	.num_hypervisor_devices = sizeof(gic_registers) / sizeof(gic_registers[0]),
	.root_zone = &zone0,
};

const struct gicv3_platform platform_gic = {
	.gicd_base = GICD_BASE,
	.gicr_base = GICR_BASE,
	.gicr_stride = GICR_FRAME_SIZE,
};
