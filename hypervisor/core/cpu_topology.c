/* The CPUs come from the device tree the hypervisor was booted with. The
 * count also sizes the interrupt controller's per-CPU windows (GICv3's
 * redistributors): the machine's, which bounds every zone's, and the root
 * zone's, which is all of it. Both are resized here, so that nothing else
 * has to follow the count. */
#include "cpu_topology.h"

#include "arch.h"
#include "cstring.h"
#include "fdt_cpus.h"
#include "irqchip_config.h"
#include "log.h"
#include "platform.h"

/* The blob's header says how long it is; all it may claim is the rest of
 * RAM, which the hypervisor has mapped. */
static const char *read_device_tree(uint64_t host_dtb, struct fdt_cpus *cpus)
{
	const struct phys_range *ram = &platform.ram;

	if (host_dtb < ram->start || host_dtb - ram->start >= ram->size)
		return "it is not in RAM";
	return fdt_cpus_read((const void *)(uintptr_t)host_dtb,
			     ram->start + ram->size - host_dtb, arch_cpu_hw_id(), cpus);
}

void cpu_topology_init(uint64_t host_dtb)
{
	struct fdt_cpus cpus;
	const char *unusable = read_device_tree(host_dtb, &cpus);

	if (unusable) {
		log_warn("no CPUs from the device tree at 0x%lx (%s): using the board's %u",
			 (unsigned long)host_dtb, unusable, platform.num_cpus);
		return;
	}
	if (cpus.listed > cpus.count)
		log_warn("the device tree lists %u CPUs, more than the %u the hypervisor "
			 "supports (MAX_CPUS): CPUs beyond those stay off",
			 cpus.listed, MAX_CPUS);
	platform.num_cpus = cpus.count;
	memcpy(platform.cpu_hw_ids, cpus.hw_ids, sizeof(platform.cpu_hw_ids));
	irqchip_platform_set_cpus(&platform);
	log_info("%u CPUs from the device tree", platform.num_cpus);
}
