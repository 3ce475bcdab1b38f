/* A board, described as plain data by hypervisor/platform/<board>. The
 * board's CPU table is what it was built for; the boot CPU replaces it,
 * before any other CPU starts, with the CPUs the device tree the hypervisor
 * was booted with lists, and sizes what follows their number
 * (cpu_topology.c). Nothing writes the description after that. */
#ifndef PLATFORM_H
#define PLATFORM_H

#include <stdint.h>
#include <tessera/zone_config.h>

#define MAX_CPUS 8
#define PLATFORM_IRQCHIP_WINDOWS 2

struct phys_range {
	uint64_t start;
	uint64_t size;
};

struct platform {
	const char *name;
	unsigned num_cpus;                  /* CPU 0 is the boot CPU */
	uint64_t cpu_hw_ids[MAX_CPUS];      /* MPIDR on Arm, hart id on RISC-V */
	struct phys_range ram;              /* all of the machine's RAM */
	struct phys_range hypervisor;       /* RAM no zone may ever map */
	struct phys_range page_pool;        /* inside `hypervisor`, after the image */
	struct phys_range restart_cache;    /* inside `hypervisor`: zones' boot images */
	uint32_t num_interrupts;            /* INTIDs 0 .. num_interrupts-1 exist */
	uint64_t stage2_max_block;          /* largest stage-2 leaf zones get */
	/* The interrupt controller's register windows, emulated for every zone
	 * at these addresses (irqchip_config.h says what a zone may ask of
	 * them): GICv3's distributor and the redistributor frames of all
	 * num_cpus CPUs; a PLIC's one window. */
	struct phys_range irqchip_windows[PLATFORM_IRQCHIP_WINDOWS];
	/* Bytes of a window per CPU (a GICv3 redistributor frame), or 0. */
	uint64_t irqchip_per_cpu_size;
	/* Bytes the board's address map reserves for the per-CPU windows from
	 * the start of irqchip_windows[1] (QEMU virt: 123 redistributor
	 * frames), or 0 for just the CPUs'. A zone's window may cover it all:
	 * only its CPUs' frames are emulated, the rest reads as zero. */
	uint64_t irqchip_per_cpu_span;
	/* Raised in zone0 when the virtio daemon has requests to serve. */
	uint32_t virtio_wakeup_interrupt;
	/* The hypervisor's console UART: shared with the root zone, emulated
	 * (as a debug console) at the same address for every other zone. */
	struct phys_range console;
	/* Devices only the hypervisor may map (the interrupt controller): a
	 * zone reaches them through emulation. */
	const struct phys_range *hypervisor_devices;
	unsigned num_hypervisor_devices;
	struct zone_config *root_zone;
};

extern struct platform platform;

#endif
