/* QEMU `virt` for riscv64 (-cpu rv64 with the H extension, PLIC, -m 4G,
 * OpenSBI at 0x80000000), laid out as the aarch64 board: the hypervisor,
 * its page pool and restart cache in the first 256 MiB of RAM, zone0's RAM
 * from 0x90000000. The CPU table is `-smp 4`'s; the hypervisor takes the
 * harts from the device tree OpenSBI passes on. */
#include "platform.h"

#define PLIC_BASE          0x0c000000ULL
#define PLIC_SIZE          0x600000ULL
#define CLINT_BASE         0x02000000ULL
#define CLINT_SIZE         0x10000ULL
#define TEST_BASE          0x00100000ULL     /* sifive_test: power-off and reset */
#define TEST_SIZE          0x1000ULL
#define UART_BASE          0x10000000ULL
#define UART_SIZE          0x1000ULL
#define VIRTIO_MMIO_BASE   0x10001000ULL
#define VIRTIO_MMIO_SIZE   0x8000ULL         /* eight devices */
#define NUM_CPUS           4

/* PLIC sources: virtio-mmio 1-8, the UART 10; 0x20, hvisor's riscv64
 * IRQ_WAKEUP_VIRTIO_DEVICE, exists only in the vPLIC. */
#define SOURCE_UART            10
#define SOURCE_VIRTIO_WAKEUP   0x20
#define SOURCES_VIRTIO_MMIO    0x1feu        /* bits 1-8 */

#define ZONE0_ENTRY        0x90200000ULL
#define ZONE0_DTB          0x90000000ULL

static struct zone_config zone0 = {
	.zone_id = 0,
	.cpus = 0x3,
	.name = "zone0",
	.num_memory_regions = 3,
	.memory_regions = {
		{ .type = MEM_TYPE_RAM, .physical_start = 0x90000000, .virtual_start = 0x90000000,
		  .size = 0x70000000 },
		{ .type = MEM_TYPE_IO, .physical_start = UART_BASE, .virtual_start = UART_BASE,
		  .size = UART_SIZE },
		{ .type = MEM_TYPE_IO, .physical_start = VIRTIO_MMIO_BASE,
		  .virtual_start = VIRTIO_MMIO_BASE, .size = VIRTIO_MMIO_SIZE },
	},
	.interrupts_bitmap = {
		[0] = SOURCES_VIRTIO_MMIO | 1u << SOURCE_UART,
		[SOURCE_VIRTIO_WAKEUP / 32] = 1u << (SOURCE_VIRTIO_WAKEUP % 32),
	},
	.entry_point = ZONE0_ENTRY,
	.dtb_load_paddr = ZONE0_DTB,
	.dtb_size = 0x10000,
	.arch_config = {
		.plic_base = PLIC_BASE,
		.plic_size = PLIC_SIZE,
	},
};

static const struct phys_range hypervisor_devices[] = {
	{ PLIC_BASE, PLIC_SIZE },
	{ CLINT_BASE, CLINT_SIZE },
	{ TEST_BASE, TEST_SIZE },
};

struct platform platform = {
	.name = "QEMU virt (riscv64, PLIC)",
	.num_cpus = NUM_CPUS,
	.cpu_hw_ids = { 0, 1, 2, 3 },
	.ram = { 0x80000000, 0x100000000ULL },
	/* OpenSBI's 2 MiB, then the image from 0x80200000. */
	.hypervisor = { 0x80000000, 0x10000000 },
	.page_pool = { 0x81000000, 0x07000000 },
	.restart_cache = { 0x88000000, 0x08000000 },
	/* QEMU's PLIC has sources 1-95. */
	.num_interrupts = 96,
	/* 2 MiB blocks. QEMU 7.2's riscv64 never puts a larger page than 4 KiB
	 * in its TLB (so the aarch64 board's reason for pages does not apply
	 * here), and it flushes its whole TLB at every switch between the
	 * hypervisor and a guest: a block saves a G-stage level on each of the
	 * many walks that follow. zone0's boot to "zone0 ready", six
	 * interleaved runs a side on a quiet host, medians: 2.02 s wall and
	 * 2.72 s QEMU CPU with pages, 1.84 s and 2.50 s with 2 MiB blocks. */
	.stage2_max_block = 0x200000,
	.irqchip_windows = {
		{ PLIC_BASE, PLIC_SIZE },
	},
	.irqchip_per_cpu_size = 0,
	.virtio_wakeup_interrupt = SOURCE_VIRTIO_WAKEUP,
	.console = { UART_BASE, UART_SIZE },
	.hypervisor_devices = hypervisor_devices,
	.num_hypervisor_devices = sizeof(hypervisor_devices) / sizeof(hypervisor_devices[0]),
	.root_zone = &zone0,
};
