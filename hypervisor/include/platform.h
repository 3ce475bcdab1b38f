/* A board, described as plain data by hypervisor/platform/<board>. */
#ifndef PLATFORM_H
#define PLATFORM_H

#include <stdint.h>
#include <tessera/zone_config.h>

#define MAX_CPUS 8

struct phys_range {
	uint64_t start;
	uint64_t size;
};

struct platform {
	const char *name;
	unsigned num_cpus;
	uint64_t cpu_hw_ids[MAX_CPUS];      /* hardware CPU identifiers (MPIDR on Arm) */
	struct phys_range ram;              /* all of the machine's RAM */
	struct phys_range hypervisor;       /* RAM no zone may ever map */
	struct phys_range page_pool;        /* inside `hypervisor`, after the image */
	struct phys_range restart_cache;    /* inside `hypervisor`: zones' boot images */
	uint32_t num_interrupts;            /* INTIDs 0 .. num_interrupts-1 exist */
	uint64_t stage2_max_block;          /* largest stage-2 leaf zones get */
	struct phys_range gic_distributor;  /* a zone's GIC windows must be exactly */
	struct phys_range gic_redistributors; /* these: the frames of all CPUs */
	/* The hypervisor's console UART: shared with the root zone, emulated
	 * (as a debug console) at the same address for every other zone. */
	struct phys_range console;
	/* Devices only the hypervisor may map (the interrupt controller): a
	 * zone reaches them through emulation. */
	const struct phys_range *hypervisor_devices;
	unsigned num_hypervisor_devices;
	const struct zone_config *root_zone;
};

extern const struct platform platform;

#endif
