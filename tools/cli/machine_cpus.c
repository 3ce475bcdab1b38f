/* The hypervisor takes its CPUs from the device tree it was booted with and
 * gives zone0 the redistributor window of all of them (platform.h), so
 * zone0's config read back says how many the machine has. */
#include "machine_cpus.h"

#include <stdint.h>

#include "hvisor_device.h"
#include "platform.h"

#define ZONE0_ID 0

void machine_cpus_adopt(int fd)
{
	static struct zone_config zone0;
	uint64_t frame = platform.gic_redistributor_frame_size;

	if (hvisor_zone_config(fd, ZONE0_ID, &zone0) ||
	    zone0.arch_config.gic_version_tag != GIC_VERSION_TAG_V3)
		return;
	uint64_t window = zone0.arch_config.gic.v3.gicr_size;
	if (window == 0 || window % frame || window / frame > MAX_CPUS)
		return;
	platform.num_cpus = (unsigned)(window / frame);
	platform.gic_redistributors.size = window;
}
