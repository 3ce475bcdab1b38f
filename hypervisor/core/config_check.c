#include "config_check.h"

#include <tessera/hypercall.h>

#include "stage2.h"
#include "util.h"

static int reject(const char **reason, const char *why)
{
	*reason = why;
	return -HV_EINVAL;
}

static bool region_is_mapped(const struct memory_region *r)
{
	return r->type == MEM_TYPE_RAM || r->type == MEM_TYPE_IO;
}

static int check_region(const struct memory_region *r, const struct platform *plat,
			const char **reason)
{
	if (r->type > MEM_TYPE_VIRTIO)
		return reject(reason, "memory region has an unknown type");
	if (r->size == 0)
		return reject(reason, "memory region has size 0");
	if (r->virtual_start + r->size < r->virtual_start ||
	    r->physical_start + r->size < r->physical_start)
		return reject(reason, "memory region wraps around the address space");
	if (r->virtual_start + r->size > stage2_ipa_limit())
		return reject(reason, "memory region lies beyond the guest-physical address space");
	if (r->physical_start + r->size > stage2_pa_limit())
		return reject(reason, "memory region lies beyond the physical address space");
	if (!region_is_mapped(r))
		return 0;
	if (!IS_ALIGNED(r->physical_start | r->virtual_start | r->size, PAGE_SIZE))
		return reject(reason, "memory region is not page-aligned");
	if (ranges_overlap(r->physical_start, r->size, plat->hypervisor.start, plat->hypervisor.size))
		return reject(reason, "memory region overlaps the hypervisor's memory");
	for (unsigned i = 0; i < plat->num_hypervisor_devices; i++)
		if (ranges_overlap(r->physical_start, r->size, plat->hypervisor_devices[i].start,
				   plat->hypervisor_devices[i].size))
			return reject(reason, "memory region maps a device only the hypervisor may map");
	if (r->type == MEM_TYPE_RAM &&
	    !range_contains(plat->ram.start, plat->ram.size, r->physical_start, r->size))
		return reject(reason, "RAM region lies outside the machine's RAM");
	return 0;
}

static int check_regions(const struct zone_config *c, const struct platform *plat,
			 const char **reason)
{
	if (c->num_memory_regions == 0)
		return reject(reason, "zone has no memory regions");
	if (c->num_memory_regions > CONFIG_MAX_MEMORY_REGIONS)
		return reject(reason, "too many memory regions");

	for (uint32_t i = 0; i < c->num_memory_regions; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		int err = check_region(r, plat, reason);
		if (err)
			return err;
		for (uint32_t j = 0; j < i; j++) {
			const struct memory_region *o = &c->memory_regions[j];
			if (ranges_overlap(r->virtual_start, r->size, o->virtual_start, o->size))
				return reject(reason, "two memory regions overlap in guest-physical space");
			if (region_is_mapped(r) && region_is_mapped(o) &&
			    ranges_overlap(r->physical_start, r->size, o->physical_start, o->size))
				return reject(reason, "two memory regions overlap in physical space");
		}
	}
	return 0;
}

static bool in_ram_region(const struct zone_config *c, uint64_t addr, uint64_t size, bool physical)
{
	for (uint32_t i = 0; i < c->num_memory_regions; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		uint64_t start = physical ? r->physical_start : r->virtual_start;
		if (r->type == MEM_TYPE_RAM && range_contains(start, r->size, addr, size))
			return true;
	}
	return false;
}

static int check_interrupts(const struct zone_config *c, const struct platform *plat,
			    const char **reason)
{
	for (uint32_t intid = plat->num_interrupts; intid < CONFIG_MAX_INTERRUPTS; intid++)
		if (c->interrupts_bitmap[intid / 32] & (1u << (intid % 32)))
			return reject(reason, "zone claims an interrupt the platform does not have");
	return 0;
}

int zone_config_check(const struct zone_config *c, const struct platform *plat,
		      const char **reason)
{
	int err;

	if (c->zone_id >= MAX_ZONES)
		return reject(reason, "zone_id is out of range");
	if (c->cpus == 0)
		return reject(reason, "zone has no CPUs");
	if (plat->num_cpus < 64 && (c->cpus >> plat->num_cpus) != 0)
		return reject(reason, "zone names a CPU the platform does not have");
	err = check_regions(c, plat, reason);
	if (err)
		return err;
	err = check_interrupts(c, plat, reason);
	if (err)
		return err;
	if (!in_ram_region(c, c->entry_point, 4, false))
		return reject(reason, "entry point is not in a RAM region");
	if (c->dtb_size && !in_ram_region(c, c->dtb_load_paddr, c->dtb_size, true))
		return reject(reason, "device tree is not in a RAM region");
	if (c->kernel_size && !in_ram_region(c, c->kernel_load_paddr, c->kernel_size, true))
		return reject(reason, "kernel image is not in a RAM region");
	if (c->num_ivc_configs > CONFIG_MAX_IVC_CONFIGS)
		return reject(reason, "too many IVC configs");
	if (c->num_pci_bus > CONFIG_MAX_PCI_BUS || c->num_pci_devs > CONFIG_MAX_PCI_DEVS)
		return reject(reason, "too many PCI buses or devices");
	return 0;
}
