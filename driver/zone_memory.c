// SPDX-License-Identifier: GPL-2.0
/*
 * Which physical memory zone0 may write for other zones and lend to them:
 * memory its device tree reserves with no-map (so Linux never maps or
 * allocates it) and that is not System RAM. pfn_valid() cannot tell: on
 * arm64 no-map memory inside a memory node still has a memmap, so its pages
 * are pfn_valid().
 */
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/of.h>
#include <linux/of_address.h>

#include "hvisor.h"

static bool node_holds(struct device_node *node, phys_addr_t start,
		       phys_addr_t last)
{
	struct resource res;
	int i;

	for (i = 0; !of_address_to_resource(node, i, &res); i++)
		if (start >= res.start && last <= res.end)
			return true;
	return false;
}

static bool reserved_no_map_holds(phys_addr_t start, phys_addr_t last)
{
	struct device_node *reserved, *child;
	bool held = false;

	reserved = of_find_node_by_path("/reserved-memory");
	if (!reserved)
		return false;

	for_each_available_child_of_node(reserved, child) {
		if (of_property_read_bool(child, "no-map") &&
		    node_holds(child, start, last)) {
			held = true;
			of_node_put(child);
			break;
		}
	}
	of_node_put(reserved);
	return held;
}

bool zone_memory_holds(phys_addr_t start, phys_addr_t last)
{
	return reserved_no_map_holds(start, last) &&
	       region_intersects(start, last - start + 1, IORESOURCE_SYSTEM_RAM,
				 IORES_DESC_NONE) == REGION_DISJOINT;
}
