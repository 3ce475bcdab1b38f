/* Creating a zone: validate, take its resources, build its address space,
 * start its boot vCPU. Every step is undone if a later one fails, so a
 * refused start leaves no trace. */
#include <tessera/hypercall.h>

#include "arch.h"
#include "cstring.h"
#include "log.h"
#include "platform.h"
#include "util.h"
#include "vcpu.h"
#include "virtio_bridge.h"
#include "zone.h"
#include "zone_lending.h"

static struct zone *free_slot(bool is_root)
{
	if (is_root)
		return zone_root()->state == ZONE_FREE ? zone_root() : NULL;
	for (unsigned i = 1; i < MAX_ZONES; i++)
		if (zone_slot_by_index(i)->state == ZONE_FREE)
			return zone_slot_by_index(i);
	return NULL;
}

static int check_against_running_zones(const struct zone_config *c, struct config_error *e)
{
	const struct zone_config *running[MAX_ZONES];
	unsigned n = 0;

	for (unsigned i = 0; i < MAX_ZONES; i++) {
		struct zone *z = zone_slot_by_index(i);
		if (z->state != ZONE_FREE)
			running[n++] = &z->config;
	}
	return zone_config_check_conflicts(c, running, n, e);
}

static int build_address_space(struct zone *zone)
{
	const struct zone_config *c = &zone->config;

	for (uint32_t i = 0; i < c->num_memory_regions; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		if (r->type == MEM_TYPE_VIRTIO)
			continue;
		int err = stage2_map(&zone->stage2, r->virtual_start, r->physical_start, r->size,
				     r->type == MEM_TYPE_RAM ? MEM_KIND_NORMAL : MEM_KIND_DEVICE);
		if (err)
			return err;
	}
	return 0;
}

/* The boot argument is the DTB's guest-physical address; the config gives
 * where it was loaded physically. */
static uint64_t dtb_guest_address(const struct zone_config *c)
{
	for (uint32_t i = 0; i < c->num_memory_regions; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		if (r->type == MEM_TYPE_RAM && c->dtb_load_paddr >= r->physical_start &&
		    c->dtb_load_paddr - r->physical_start < r->size)
			return r->virtual_start + (c->dtb_load_paddr - r->physical_start);
	}
	return c->dtb_load_paddr;
}

static int setup_zone(struct zone *zone, const struct zone_config *config, bool is_root)
{
	uint32_t generation = zone->generation;
	int err;

	memset(zone, 0, sizeof(*zone));
	zone->generation = generation;
	zone->config = *config;
	zone->id = config->zone_id;
	zone->cpus = config->cpus;
	zone->shares_ram_with_root = !is_root && zone_has_virtio(config);
	zone->log_limit = (struct rate_limit)GUEST_LOG_LIMIT_INIT;
	memcpy(zone->name, config->name, CONFIG_NAME_MAXLEN);
	err = stage2_init(&zone->stage2, &hv_page_pool, (uint16_t)(zone_slot(zone) + 1),
			  platform.stage2_max_block);
	if (err)
		return err;
	err = build_address_space(zone);
	if (!err)
		err = arch_zone_init(zone);
	if (!err && !is_root)
		err = debug_console_attach(zone, platform.console.start, platform.console.size);
	if (!err && !is_root)
		err = virtio_bridge_attach(zone);
	if (err)
		stage2_destroy(&zone->stage2);
	return err;
}

void zone_boot(struct zone *zone)
{
	unsigned boot_cpu = (unsigned)__builtin_ctzll(zone->cpus);

	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
		if (zone->cpus & BIT(cpu))
			vcpu_assign(&percpus[cpu].vcpu, zone);
	vcpu_power_on(zone, &percpus[boot_cpu].vcpu, zone->config.entry_point,
		      dtb_guest_address(&zone->config));
}

static void log_refusal(const struct zone_config *c, const struct config_error *e)
{
	log_error("zone %u: start refused: %s", c->zone_id, e->message);
}

int zone_create(const struct zone_config *config, bool is_root)
{
	struct config_error e;
	struct zone *zone;
	int err = zone_config_check(config, &platform, is_root, &e);

	if (err) {
		log_refusal(config, &e);
		return err;
	}
	spin_lock(&zones_lock);
	err = is_root ? 0 : check_against_running_zones(config, &e);
	if (!err && !is_root)
		err = root_can_lend(config, &e);
	zone = err ? NULL : free_slot(is_root);
	if (!err && !zone) {
		e.err = err = -HV_ENOMEM;
		config_error_format(&e, "no free zone slot (at most %u zones)", MAX_ZONES);
	}
	if (err) {
		spin_unlock(&zones_lock);
		log_refusal(config, &e);
		return err;
	}
	err = setup_zone(zone, config, is_root);
	if (!err && !is_root) {
		err = root_lend(zone);
		if (err)
			stage2_destroy(&zone->stage2);
	}
	if (err) {
		spin_unlock(&zones_lock);
		log_error("zone %u: cannot build its address space (error %d)", config->zone_id, err);
		return err;
	}
	/* Only now, with nothing left to fail: the SPIs were zone0's a moment ago
	 * and a refused start must leave them as they were. */
	arch_zone_reset(zone);
	if (!is_root)
		boot_images_save(zone);
	__atomic_store_n(&zone->state, ZONE_RUNNING, __ATOMIC_RELEASE);
	zone_boot(zone);
	spin_unlock(&zones_lock);

	log_info("zone %u (%s) created: cpus 0x%lx, %u memory regions, entry 0x%lx; %zu pool "
		 "pages free", zone->id, zone->name, (unsigned long)zone->cpus,
		 config->num_memory_regions, (unsigned long)config->entry_point,
		 page_pool_free_pages(&hv_page_pool));
	return 0;
}
