#include "zone.h"

#include <tessera/hypercall.h>

#include "arch.h"
#include "cstring.h"
#include "log.h"
#include "platform.h"
#include "util.h"
#include "vcpu.h"

static struct zone zones[MAX_ZONES];
static spinlock_t zones_lock = SPINLOCK_INIT;

unsigned zone_slot(const struct zone *zone)
{
	return (unsigned)(zone - zones);
}

static struct zone *find_active(uint32_t id)
{
	for (unsigned i = 0; i < MAX_ZONES; i++)
		if (zones[i].active && zones[i].id == id)
			return &zones[i];
	return NULL;
}

struct zone *zone_find(uint32_t id)
{
	struct zone *zone;

	spin_lock(&zones_lock);
	zone = find_active(id);
	spin_unlock(&zones_lock);
	return zone;
}

bool zone_owns_interrupt(const struct zone *zone, uint32_t intid)
{
	return intid < CONFIG_MAX_INTERRUPTS &&
	       (zone->config.interrupts_bitmap[intid / 32] >> (intid % 32)) & 1;
}

static uint64_t cpus_in_use(void)
{
	uint64_t used = 0;

	for (unsigned i = 0; i < MAX_ZONES; i++)
		if (zones[i].active)
			used |= zones[i].cpus;
	return used;
}

static struct zone *free_slot(void)
{
	for (unsigned i = 0; i < MAX_ZONES; i++)
		if (!zones[i].active)
			return &zones[i];
	return NULL;
}

static int conflict(const char **reason, const char *why, int err)
{
	*reason = why;
	return err;
}

/* 0, or the error and reason why the zone cannot run beside the active ones. */
static int check_against_active_zones(const struct zone_config *c, const char **reason)
{
	if (find_active(c->zone_id))
		return conflict(reason, "a zone with this id is already running", -HV_EINVAL);
	if (cpus_in_use() & c->cpus)
		return conflict(reason, "a CPU of the zone belongs to another zone", -HV_EBUSY);
	for (unsigned z = 0; z < MAX_ZONES; z++) {
		if (!zones[z].active)
			continue;
		const struct zone_config *o = &zones[z].config;
		for (uint32_t i = 0; i < c->num_memory_regions; i++) {
			const struct memory_region *r = &c->memory_regions[i];
			if (r->type != MEM_TYPE_RAM)
				continue;
			for (uint32_t j = 0; j < o->num_memory_regions; j++) {
				const struct memory_region *q = &o->memory_regions[j];
				if (q->type == MEM_TYPE_RAM &&
				    ranges_overlap(r->physical_start, r->size, q->physical_start, q->size))
					return conflict(reason, "RAM of the zone belongs to another zone",
							-HV_EBUSY);
			}
		}
	}
	if (!free_slot())
		return conflict(reason, "all zone slots are in use", -HV_ENOMEM);
	return 0;
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

static void assign_vcpus(struct zone *zone)
{
	unsigned index = 0;

	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++) {
		if (!(zone->cpus & BIT(cpu)))
			continue;
		struct vcpu *vcpu = &percpus[cpu].vcpu;
		*vcpu = (struct vcpu){
			.zone = zone,
			.cpu = cpu,
			.index = index,
			.lock = SPINLOCK_INIT,
			.power = index == 0 ? VCPU_ON_PENDING : VCPU_OFF,
			.entry = zone->config.entry_point,
			.boot_arg = zone->config.dtb_load_paddr,
		};
		index++;
	}
}

/* Idle CPUs of the zone wake up and find their vCPU. */
static void kick_cpus(const struct zone *zone)
{
	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
		if (zone->cpus & BIT(cpu))
			arch_cpu_kick(cpu);
}

static int setup_zone(struct zone *zone, const struct zone_config *config)
{
	int err;

	memset(zone, 0, sizeof(*zone));
	zone->config = *config;
	zone->id = config->zone_id;
	zone->cpus = config->cpus;
	memcpy(zone->name, config->name, CONFIG_NAME_MAXLEN);
	err = stage2_init(&zone->stage2, &hv_page_pool, (uint16_t)(zone_slot(zone) + 1));
	if (err)
		return err;
	err = build_address_space(zone);
	if (!err)
		err = arch_zone_init(zone);
	if (err)
		stage2_destroy(&zone->stage2);
	return err;
}

int zone_create(const struct zone_config *config, struct zone **created)
{
	const char *reason;
	struct zone *zone;
	int err = zone_config_check(config, &platform, &reason);

	if (err) {
		log_error("zone %u: config rejected: %s", config->zone_id, reason);
		return err;
	}

	spin_lock(&zones_lock);
	err = check_against_active_zones(config, &reason);
	if (err) {
		spin_unlock(&zones_lock);
		log_error("zone %u: cannot start: %s", config->zone_id, reason);
		return err;
	}
	zone = free_slot();
	err = setup_zone(zone, config);
	if (err) {
		spin_unlock(&zones_lock);
		log_error("zone %u: cannot build its address space (error %d)", config->zone_id, err);
		return err;
	}
	assign_vcpus(zone);
	zone->active = true;
	spin_unlock(&zones_lock);
	kick_cpus(zone);

	log_info("zone %u (%s) created: cpus 0x%lx, %u memory regions, entry 0x%lx",
		 zone->id, zone->name, (unsigned long)zone->cpus, config->num_memory_regions,
		 (unsigned long)config->entry_point);
	*created = zone;
	return 0;
}
