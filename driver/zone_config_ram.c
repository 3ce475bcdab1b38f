// SPDX-License-Identifier: GPL-2.0
/*
 * HVISOR_ZONE_START's check of a config's RAM. Starting a zone takes its RAM
 * out of zone0's stage-2, so RAM that zone0 Linux itself uses would vanish
 * under it and crash it. Only the memory zone0 set aside for zones may be
 * lent: the same memory HVISOR_LOAD_IMAGE may write.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/overflow.h>
#include <linux/printk.h>

#include <tessera/zone_config.h>

#include "hvisor.h"

static long check_ram_region(const struct zone_config *config, u32 index)
{
	const struct memory_region *region = &config->memory_regions[index];
	u64 last;

	if (!region->size ||
	    check_add_overflow(region->physical_start, region->size - 1, &last)) {
		pr_warn("zone %u: memory_regions[%u] at %#llx, size %#llx, is empty or wraps\n",
			config->zone_id, index, region->physical_start, region->size);
		return -EINVAL;
	}
	if (!zone_memory_holds(region->physical_start, last)) {
		pr_warn("zone %u: memory_regions[%u] %#llx-%#llx is not memory zone0 reserved for zones (no-map reserved-memory)\n",
			config->zone_id, index, region->physical_start, last);
		return -EINVAL;
	}
	return 0;
}

long zone_config_check_ram(const struct zone_config *config)
{
	long ret;
	u32 i;

	if (config->num_memory_regions > CONFIG_MAX_MEMORY_REGIONS) {
		pr_warn("zone %u: num_memory_regions %u is more than %d\n",
			config->zone_id, config->num_memory_regions,
			CONFIG_MAX_MEMORY_REGIONS);
		return -EINVAL;
	}
	for (i = 0; i < config->num_memory_regions; i++) {
		if (config->memory_regions[i].type != MEM_TYPE_RAM)
			continue;
		ret = check_ram_region(config, i);
		if (ret)
			return ret;
	}
	return 0;
}
