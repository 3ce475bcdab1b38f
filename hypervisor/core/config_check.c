/* The zone config validator. Every field is untrusted; each rule has its own
 * message naming the field and its value, so a user can tell which rule
 * refused a config. The first failing rule wins. */
#include <tessera/hypercall.h>

#include "config_check.h"
#include "irqchip_config.h"
#include "stage2.h"
#include "util.h"

/* An instruction (A64, or RV64 without compression): an entry point must
 * have all of it in RAM. */
#define INSTRUCTION_SIZE 4

/* Records why the config is refused; evaluates to the error code. */
#define reject(error, code, ...) \
	(config_error_format((error), __VA_ARGS__), (error)->err = (code))

static int accept(struct config_error *e)
{
	e->err = 0;
	e->message[0] = '\0';
	return 0;
}

static bool interrupt_claimed(const struct zone_config *c, unsigned intid)
{
	return c->interrupts_bitmap[intid / 32] & (1u << (intid % 32));
}

static int check_identity(const struct zone_config *c, bool is_root, struct config_error *e)
{
	unsigned name_length = 0;

	if (c->zone_id == 0 && !is_root)
		return reject(e, -HV_EINVAL, "zone_id 0: only the root zone may have id 0");
	if (c->zone_id >= MAX_ZONES)
		return reject(e, -HV_EINVAL, "zone_id %u: not below the maximum of %u zones",
			      c->zone_id, MAX_ZONES);
	while (name_length < CONFIG_NAME_MAXLEN && c->name[name_length] != '\0')
		name_length++;
	if (name_length == 0)
		return reject(e, -HV_EINVAL, "name \"\": a zone needs a name");
	if (name_length == CONFIG_NAME_MAXLEN) {
		char shown[CONFIG_NAME_MAXLEN + 1];
		for (unsigned i = 0; i < CONFIG_NAME_MAXLEN; i++)
			shown[i] = c->name[i];
		shown[CONFIG_NAME_MAXLEN] = '\0';
		return reject(e, -HV_EINVAL, "name \"%s\": not NUL-terminated within its %u bytes",
			      shown, CONFIG_NAME_MAXLEN);
	}
	return 0;
}

static int check_cpus(const struct zone_config *c, const struct platform *plat,
		      struct config_error *e)
{
	if (c->cpus == 0)
		return reject(e, -HV_EINVAL, "cpus 0x0: a zone needs at least one CPU");
	for (unsigned cpu = plat->num_cpus; cpu < 64; cpu++)
		if (c->cpus & BIT(cpu))
			return reject(e, -HV_EINVAL,
				      "cpus 0x%llx: CPU %u does not exist on this machine "
				      "(%u CPUs)",
				      (unsigned long long)c->cpus, cpu, plat->num_cpus);
	return 0;
}

static bool is_mapped(const struct memory_region *r)
{
	return r->type == MEM_TYPE_RAM || r->type == MEM_TYPE_IO;
}

static const char *type_name(uint32_t type)
{
	return type == MEM_TYPE_RAM ? "RAM" : type == MEM_TYPE_IO ? "IO" : "VIRTIO";
}

static bool overlaps(uint64_t start, uint64_t size, const struct phys_range *range)
{
	return ranges_overlap(start, size, range->start, range->size);
}

static int reject_region(struct config_error *e, uint32_t i, const struct memory_region *r,
			 const char *field, uint64_t value, const char *why)
{
	return reject(e, -HV_EINVAL, "memory_regions[%u].%s 0x%llx: %s region %s", i, field,
		      (unsigned long long)value, type_name(r->type), why);
}

static int check_region_shape(uint32_t i, const struct memory_region *r, struct config_error *e)
{
	if (r->type > MEM_TYPE_VIRTIO)
		return reject(e, -HV_EINVAL,
			      "memory_regions[%u].type %u: unknown type (0 RAM, 1 IO, 2 VIRTIO)",
			      i, r->type);
	if (r->size == 0)
		return reject_region(e, i, r, "size", 0, "is empty");
	/* VIRTIO windows are trapped, never mapped, so only mappings need pages. */
	if (is_mapped(r)) {
		if (!IS_ALIGNED(r->physical_start, PAGE_SIZE))
			return reject_region(e, i, r, "physical_start", r->physical_start,
					     "is not 4 KiB aligned");
		if (!IS_ALIGNED(r->virtual_start, PAGE_SIZE))
			return reject_region(e, i, r, "virtual_start", r->virtual_start,
					     "is not 4 KiB aligned");
		if (!IS_ALIGNED(r->size, PAGE_SIZE))
			return reject_region(e, i, r, "size", r->size, "is not 4 KiB aligned");
	}
	if (r->virtual_start + r->size < r->virtual_start)
		return reject_region(e, i, r, "virtual_start", r->virtual_start,
				     "wraps around the end of the guest-physical address space");
	if (r->physical_start + r->size < r->physical_start)
		return reject_region(e, i, r, "physical_start", r->physical_start,
				     "wraps around the end of the physical address space");
	if (r->virtual_start + r->size > stage2_ipa_limit())
		return reject_region(e, i, r, "virtual_start", r->virtual_start,
				     "ends beyond the guest-physical address space");
	if (r->physical_start + r->size > stage2_pa_limit())
		return reject_region(e, i, r, "physical_start", r->physical_start,
				     "ends beyond the physical address space");
	return 0;
}

/* What a RAM or IO mapping may give the zone access to. */
static int check_region_physical(uint32_t i, const struct memory_region *r,
				 const struct platform *plat, bool is_root, struct config_error *e)
{
	uint64_t pa = r->physical_start;

	if (r->type == MEM_TYPE_RAM &&
	    !range_contains(plat->ram.start, plat->ram.size, pa, r->size))
		return reject_region(e, i, r, "physical_start", pa,
				     "lies outside the machine's RAM");
	if (overlaps(pa, r->size, &plat->hypervisor))
		return reject_region(e, i, r, "physical_start", pa,
				     "overlaps the hypervisor's memory");
	if (overlaps(pa, r->size, &plat->page_pool))
		return reject_region(e, i, r, "physical_start", pa,
				     "overlaps the hypervisor's page pool");
	/* The root zone shares the console UART; every other zone gets an
	 * emulated one, so the real one must stay out of its reach. */
	if (!is_root && overlaps(pa, r->size, &plat->console))
		return reject_region(e, i, r, "physical_start", pa,
				     "overlaps the console UART, which only the root zone "
				     "may map");
	/* A zone reaches memory only through RAM regions, which the rules
	 * above confine; IO regions are for devices. */
	if (r->type == MEM_TYPE_IO && overlaps(pa, r->size, &plat->ram))
		return reject_region(e, i, r, "physical_start", pa,
				     "overlaps the machine's RAM, which is not a device");
	for (unsigned d = 0; d < plat->num_hypervisor_devices; d++)
		if (overlaps(pa, r->size, &plat->hypervisor_devices[d]))
			return reject_region(e, i, r, "physical_start", pa,
					     "maps a device only the hypervisor may map");
	return 0;
}

/* Guest-physical windows that must trap: a region there would shadow them. */
static int check_region_guest(uint32_t i, const struct memory_region *r,
			      const struct zone_config *c, const struct platform *plat,
			      bool is_root, struct config_error *e)
{
	struct irqchip_window windows[PLATFORM_IRQCHIP_WINDOWS];
	unsigned num_windows = irqchip_config_windows(c, windows);
	uint64_t ipa = r->virtual_start;

	for (unsigned w = 0; w < num_windows; w++) {
		if (!ranges_overlap(ipa, r->size, windows[w].base, windows[w].size))
			continue;
		return reject(e, -HV_EINVAL,
			      "memory_regions[%u].virtual_start 0x%llx: %s region covers the "
			      "zone's %s window",
			      i, (unsigned long long)ipa, type_name(r->type), windows[w].name);
	}
	if (!is_root && overlaps(ipa, r->size, &plat->console))
		return reject_region(e, i, r, "virtual_start", ipa,
				     "covers the zone's emulated console window");
	return 0;
}

static int check_region_against_earlier(const struct zone_config *c, uint32_t i,
					struct config_error *e)
{
	const struct memory_region *r = &c->memory_regions[i];

	for (uint32_t j = 0; j < i; j++) {
		const struct memory_region *o = &c->memory_regions[j];
		if (ranges_overlap(r->virtual_start, r->size, o->virtual_start, o->size))
			return reject(e, -HV_EINVAL,
				      "memory_regions[%u].virtual_start 0x%llx: overlaps "
				      "memory_regions[%u] in guest-physical space",
				      i, (unsigned long long)r->virtual_start, j);
		if (is_mapped(r) && is_mapped(o) &&
		    ranges_overlap(r->physical_start, r->size, o->physical_start, o->size))
			return reject(e, -HV_EINVAL,
				      "memory_regions[%u].physical_start 0x%llx: overlaps "
				      "memory_regions[%u] in physical space",
				      i, (unsigned long long)r->physical_start, j);
	}
	return 0;
}

static int check_regions(const struct zone_config *c, const struct platform *plat, bool is_root,
			 struct config_error *e)
{
	if (c->num_memory_regions == 0)
		return reject(e, -HV_EINVAL, "num_memory_regions 0: a zone needs memory");
	if (c->num_memory_regions > CONFIG_MAX_MEMORY_REGIONS)
		return reject(e, -HV_EINVAL, "num_memory_regions %u: more than %u memory regions",
			      c->num_memory_regions, CONFIG_MAX_MEMORY_REGIONS);
	for (uint32_t i = 0; i < c->num_memory_regions; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		int err = check_region_shape(i, r, e);
		if (!err && is_mapped(r))
			err = check_region_physical(i, r, plat, is_root, e);
		if (!err)
			err = check_region_guest(i, r, c, plat, is_root, e);
		if (!err)
			err = check_region_against_earlier(c, i, e);
		if (err)
			return err;
	}
	return 0;
}

/* Each emulated window takes one of the zone's MAX_MMIO_HANDLERS, and a
 * zone start must not find out that they run short after it has begun to
 * take its resources. The root zone has the interrupt controller's windows
 * only: the real UART, and no VIRTIO region is trapped for it. Every other
 * zone also has the emulated console. */
static int check_emulated_windows(const struct zone_config *c, bool is_root,
				  struct config_error *e)
{
	struct irqchip_window irqchip[PLATFORM_IRQCHIP_WINDOWS];
	unsigned fixed = irqchip_config_windows(c, irqchip) + 1;
	unsigned windows = fixed;

	if (is_root)
		return 0;
	for (uint32_t i = 0; i < c->num_memory_regions; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		if (r->type != MEM_TYPE_VIRTIO || ++windows <= MAX_MMIO_HANDLERS)
			continue;
		return reject(e, -HV_EINVAL,
			      "memory_regions[%u].type %u: VIRTIO region %u of the zone, more than "
			      "the %u that fit (a zone has %u emulated windows; the interrupt "
			      "controller and the console take %u)",
			      i, r->type, windows - fixed, MAX_MMIO_HANDLERS - fixed,
			      MAX_MMIO_HANDLERS, fixed);
	}
	return 0;
}

static bool in_ram_region(const struct zone_config *c, uint64_t addr, uint64_t size, bool guest)
{
	for (uint32_t i = 0; i < c->num_memory_regions; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		uint64_t start = guest ? r->virtual_start : r->physical_start;
		if (r->type == MEM_TYPE_RAM && range_contains(start, r->size, addr, size))
			return true;
	}
	return false;
}

/* An image the loader writes into the zone's RAM (size 0: none). */
static int check_image(const struct zone_config *c, const char *field, uint64_t addr,
		       uint64_t size, const char *what, struct config_error *e)
{
	if (size == 0)
		return 0;
	if (addr + size < addr)
		return reject(e, -HV_EINVAL,
			      "%s 0x%llx: the %s (size 0x%llx) wraps around the end of "
			      "the address space",
			      field, (unsigned long long)addr, what, (unsigned long long)size);
	if (!in_ram_region(c, addr, size, false))
		return reject(e, -HV_EINVAL,
			      "%s 0x%llx: the %s (size 0x%llx) is not entirely inside "
			      "a RAM region",
			      field, (unsigned long long)addr, what, (unsigned long long)size);
	return 0;
}

static int check_boot(const struct zone_config *c, struct config_error *e)
{
	if (!in_ram_region(c, c->entry_point, INSTRUCTION_SIZE, true))
		return reject(e, -HV_EINVAL,
			      "entry_point 0x%llx: not inside a RAM region's "
			      "guest-physical range",
			      (unsigned long long)c->entry_point);
	int err = check_image(c, "kernel_load_paddr", c->kernel_load_paddr, c->kernel_size,
			      "kernel", e);
	if (err)
		return err;
	return check_image(c, "dtb_load_paddr", c->dtb_load_paddr, c->dtb_size, "device tree", e);
}

static int check_unsupported(const struct zone_config *c, struct config_error *e)
{
	if (c->num_ivc_configs > CONFIG_MAX_IVC_CONFIGS)
		return reject(e, -HV_EINVAL, "num_ivc_configs %u: more than %u IVC configs",
			      c->num_ivc_configs, CONFIG_MAX_IVC_CONFIGS);
	if (c->num_ivc_configs != 0)
		return reject(e, -HV_EINVAL, "num_ivc_configs %u: IVC is not supported yet",
			      c->num_ivc_configs);
	if (c->num_pci_bus > CONFIG_MAX_PCI_BUS)
		return reject(e, -HV_EINVAL, "num_pci_bus %llu: more than %u PCI buses",
			      (unsigned long long)c->num_pci_bus, CONFIG_MAX_PCI_BUS);
	if (c->num_pci_devs > CONFIG_MAX_PCI_DEVS)
		return reject(e, -HV_EINVAL, "num_pci_devs %llu: more than %u PCI devices",
			      (unsigned long long)c->num_pci_devs, CONFIG_MAX_PCI_DEVS);
	if (c->num_pci_bus != 0)
		return reject(e, -HV_EINVAL, "num_pci_bus %llu: tessera emulates no PCI host "
			      "bridge, so a zone can have no PCI bus (give it an empty pci_config)",
			      (unsigned long long)c->num_pci_bus);
	if (c->num_pci_devs != 0)
		return reject(e, -HV_EINVAL, "num_pci_devs %llu: tessera emulates no PCI host "
			      "bridge, so a zone can have no PCI device (give it no alloc_pci_devs)",
			      (unsigned long long)c->num_pci_devs);
	return 0;
}

/* The interrupt controller's windows come before the memory regions: the
 * regions are checked against them. */
int zone_config_check(const struct zone_config *config, const struct platform *plat,
		      bool is_root, struct config_error *e)
{
	int err = check_identity(config, is_root, e);

	if (!err)
		err = check_cpus(config, plat, e);
	if (!err)
		err = irqchip_config_check_arch(config, plat, e);
	if (!err)
		err = check_regions(config, plat, is_root, e);
	if (!err)
		err = check_emulated_windows(config, is_root, e);
	if (!err)
		err = irqchip_config_check_interrupts(config, plat, e);
	if (!err)
		err = check_boot(config, e);
	if (!err)
		err = check_unsupported(config, e);
	return err ? err : accept(e);
}

static int check_region_conflicts(const struct zone_config *c, const struct zone_config *o,
				  struct config_error *e)
{
	for (uint32_t i = 0; i < c->num_memory_regions; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		for (uint32_t j = 0; j < o->num_memory_regions; j++) {
			const struct memory_region *q = &o->memory_regions[j];
			if (ranges_overlap(r->physical_start, r->size, q->physical_start, q->size))
				return reject(e, -HV_EBUSY,
					      "memory_regions[%u].physical_start 0x%llx: zone %u's "
					      "%s region overlaps memory_regions[%u] of running "
					      "zone %u",
					      i, (unsigned long long)r->physical_start, c->zone_id,
					      type_name(r->type), j, o->zone_id);
		}
	}
	return 0;
}

static int check_interrupt_conflicts(const struct zone_config *c, const struct zone_config *o,
				     struct config_error *e)
{
	for (unsigned intid = 0; intid < CONFIG_MAX_INTERRUPTS; intid++)
		if (interrupt_claimed(c, intid) && interrupt_claimed(o, intid))
			return reject(e, -HV_EBUSY,
				      "interrupts_bitmap[%u] 0x%x: INTID %u belongs to "
				      "running zone %u",
				      intid / 32, c->interrupts_bitmap[intid / 32], intid,
				      o->zone_id);
	return 0;
}

/* The root zone (id 0) lends its CPUs, RAM and SPIs, so only other zones'
 * resources conflict; its CPUs count as taken once another zone has them. */
int zone_config_check_conflicts(const struct zone_config *config,
				const struct zone_config *const running[], unsigned num_running,
				struct config_error *e)
{
	const struct zone_config *root = NULL;
	uint64_t taken_cpus = config->cpus;
	int err = 0;

	if (num_running >= MAX_ZONES)
		return reject(e, -HV_ENOMEM, "zone_id %u: all %u zone slots are in use",
			      config->zone_id, MAX_ZONES);
	for (unsigned z = 0; z < num_running; z++)
		if (running[z]->zone_id == config->zone_id)
			return reject(e, -HV_EINVAL,
				      "zone_id %u: a zone with this id is already running",
				      config->zone_id);
	for (unsigned z = 0; z < num_running; z++) {
		const struct zone_config *o = running[z];
		if (o->zone_id == 0) {
			root = o;
			continue;
		}
		uint64_t shared = config->cpus & o->cpus;
		if (shared)
			return reject(e, -HV_EBUSY,
				      "cpus 0x%llx: CPU %u belongs to running zone %u",
				      (unsigned long long)config->cpus,
				      (unsigned)__builtin_ctzll(shared),
				      o->zone_id);
		taken_cpus |= o->cpus;
	}
	if (root && (root->cpus & ~taken_cpus) == 0)
		return reject(e, -HV_EBUSY,
			      "cpus 0x%llx: would take zone 0's last CPU (zone 0 has 0x%llx)",
			      (unsigned long long)config->cpus, (unsigned long long)root->cpus);
	for (unsigned z = 0; z < num_running && !err; z++)
		if (running[z]->zone_id != 0)
			err = check_region_conflicts(config, running[z], e);
	for (unsigned z = 0; z < num_running && !err; z++)
		if (running[z]->zone_id != 0)
			err = check_interrupt_conflicts(config, running[z], e);
	return err ? err : accept(e);
}
