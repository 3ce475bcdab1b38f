/* The registry of zones: slots, lookup, and what zone0's tools may ask of
 * it (the list, a zone's config). */
#include "zone.h"

#include "cstring.h"
#include "platform.h"
#include "util.h"

static struct zone zones[MAX_ZONES];
spinlock_t zones_lock = SPINLOCK_INIT;

struct zone *zone_slot_by_index(unsigned slot)
{
	return &zones[slot];
}

unsigned zone_slot(const struct zone *zone)
{
	return (unsigned)(zone - zones);
}

struct zone *zone_root(void)
{
	return &zones[0];
}

struct zone *zone_running_by_id(uint32_t id)
{
	for (unsigned i = 0; i < MAX_ZONES; i++)
		if (__atomic_load_n(&zones[i].state, __ATOMIC_ACQUIRE) == ZONE_RUNNING &&
		    zones[i].id == id)
			return &zones[i];
	return NULL;
}

bool zone_owns_interrupt(const struct zone *zone, uint32_t intid)
{
	return intid < CONFIG_MAX_INTERRUPTS &&
	       (__atomic_load_n(&zone->config.interrupts_bitmap[intid / 32], __ATOMIC_RELAXED) >>
		(intid % 32)) & 1;
}

unsigned zone_list(struct zone_info *out, unsigned max)
{
	unsigned n = 0;

	spin_lock(&zones_lock);
	for (unsigned i = 0; i < MAX_ZONES && n < max; i++) {
		const struct zone *z = &zones[i];
		if (z->state == ZONE_FREE)
			continue;
		memset(&out[n], 0, sizeof(out[n]));
		out[n].zone_id = z->id;
		out[n].cpus = z->cpus;
		memcpy(out[n].name, z->name, CONFIG_NAME_MAXLEN);
		out[n].is_err = z->state == ZONE_FAILED;
		n++;
	}
	spin_unlock(&zones_lock);
	return n;
}

bool zone_config_get(uint32_t id, struct zone_config *out)
{
	bool found = false;

	spin_lock(&zones_lock);
	for (unsigned i = 0; i < MAX_ZONES && !found; i++) {
		if (zones[i].state != ZONE_FREE && zones[i].id == id) {
			*out = zones[i].config;
			out->cpus = zones[i].cpus;
			found = true;
		}
	}
	spin_unlock(&zones_lock);
	return found;
}
