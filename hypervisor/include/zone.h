/* Zones: isolated partitions, each owning CPUs, memory and interrupts. */
#ifndef ZONE_H
#define ZONE_H

#include <stdbool.h>
#include <stdint.h>
#include <tessera/zone_config.h>

#include "config_check.h"
#include "mmio.h"
#include "spinlock.h"
#include "stage2.h"

#define MAX_MMIO_HANDLERS 16

struct zone {
	bool active;
	uint32_t id;
	char name[CONFIG_NAME_MAXLEN + 1];
	uint64_t cpus;
	struct stage2_table stage2;
	struct zone_config config;
	struct mmio_handler mmio[MAX_MMIO_HANDLERS];
	unsigned num_mmio;
	struct unhandled_access_log unhandled;
};

extern struct page_pool hv_page_pool;

/* Validates the config, claims its CPUs and builds its address space. The
 * zone's vCPUs start when their CPUs next look for work. */
int zone_create(const struct zone_config *config, struct zone **created);
struct zone *zone_find(uint32_t id);
bool zone_owns_interrupt(const struct zone *zone, uint32_t intid);
unsigned zone_slot(const struct zone *zone);

#endif
