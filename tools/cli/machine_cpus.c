/* The hypervisor takes its CPUs from the device tree it was booted with and
 * gives zone0 the interrupt controller's per-CPU windows of all of them
 * (platform.h), so zone0's config read back may say how many the machine
 * has. */
#include "machine_cpus.h"

#include <stdint.h>

#include "hvisor_device.h"
#include "irqchip_config.h"
#include "platform.h"

#define ZONE0_ID 0

void machine_cpus_adopt(int fd)
{
	static struct zone_config zone0;

	if (hvisor_zone_config(fd, ZONE0_ID, &zone0))
		return;
	unsigned cpus = irqchip_config_machine_cpus(&zone0, &platform);
	if (cpus == 0 || cpus > MAX_CPUS)
		return;
	platform.num_cpus = cpus;
	irqchip_platform_set_cpus(&platform);
}
