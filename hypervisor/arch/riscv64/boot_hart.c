/* Which hart boots the hypervisor (head.S relays the boot to it): the
 * lowest hart id the device tree lists, so that CPU indexes, and with them
 * the harts zone configs name, do not depend on the firmware's pick. Runs
 * before the BSS is cleared and with satp off: no global state. */
#include "fdt_cpus.h"
#include "platform.h"

uint64_t boot_hart_choose(uint64_t hart_id, uint64_t dtb);

/* A tree that cannot be read leaves the boot where it is; cpu_topology.c
 * reports why. */
uint64_t boot_hart_choose(uint64_t hart_id, uint64_t dtb)
{
	const struct phys_range *ram = &platform.ram;
	struct fdt_cpus cpus;
	uint64_t lowest = hart_id;

	if (dtb < ram->start || dtb - ram->start >= ram->size ||
	    fdt_cpus_read((const void *)(uintptr_t)dtb, ram->start + ram->size - dtb, hart_id,
			  &cpus))
		return hart_id;
	for (unsigned i = 0; i < cpus.count; i++)
		if (cpus.hw_ids[i] < lowest)
			lowest = cpus.hw_ids[i];
	return lowest;
}
