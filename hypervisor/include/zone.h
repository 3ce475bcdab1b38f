/* Zones: isolated partitions, each owning CPUs, memory and interrupts. The
 * root zone (zone0) starts at boot; it starts and stops the others, lending
 * them its CPUs, SPIs and RAM for as long as they run. */
#ifndef ZONE_H
#define ZONE_H

#include <stdbool.h>
#include <stdint.h>
#include <tessera/zone_config.h>

#include "boot_images.h"
#include "config_check.h"
#include "debug_console.h"
#include "mmio.h"
#include "ram_clear.h"
#include "rate_limit.h"
#include "spinlock.h"
#include "stage2.h"

struct vcpu;

#define ROOT_ZONE_ID 0

enum zone_state {
	ZONE_FREE,          /* the slot holds no zone */
	ZONE_RUNNING,
	ZONE_STOPPING,      /* its CPUs are leaving; the last one releases it */
	ZONE_FAILED,        /* a CPU did not stop in time: resources stay held */
};

struct zone {
	enum zone_state state;
	uint32_t id;
	char name[CONFIG_NAME_MAXLEN + 1];
	uint64_t cpus;              /* changes for the root zone as it lends CPUs */
	uint64_t cpus_to_stop;      /* while stopping: CPUs not yet parked */
	uint64_t stop_deadline;     /* ZoneShutdown: when those CPUs have failed */
	uint32_t generation;        /* bumped at each release, for waiters */
	bool shares_ram_with_root;  /* zone0 keeps its RAM mapped: virtio back-ends */
	bool restart_requested;     /* PSCI SYSTEM_RESET: boot again once stopped */
	struct boot_images boot_images;
	struct ram_clear ram_clear; /* while released: its RAM being cleared */
	spinlock_t stage2_lock;     /* the tables change while other CPUs read them */
	struct stage2_table stage2;
	struct zone_config config;
	struct mmio_handler mmio[MAX_MMIO_HANDLERS];
	unsigned num_mmio;
	struct debug_console console;
	struct rate_limit log_limit; /* log_guest's, for every line about the zone */
};

extern struct page_pool hv_page_pool;

/* Validates the config, takes its resources (from zone0 for a non-root
 * zone) and builds its address space; its boot vCPU starts at once. On any
 * failure nothing is left claimed. 0 or -errno, logged with the reason. */
int zone_create(const struct zone_config *config, bool is_root);
/* ZoneShutdown from `caller`: stops every CPU of the zone and gives its
 * resources back; 0 once it is released, -HV_EBUSY if its CPUs did not stop
 * in time, or, every millisecond or so until then, HYPERCALL_RESTART
 * (`token` 0) or a token (HC_SHUTDOWN_TOKEN in `token`). */
int64_t zone_shutdown(struct vcpu *caller, uint32_t id, uint64_t token);
/* Called on a CPU of the zone itself (PSCI SYSTEM_OFF, or SYSTEM_RESET with
 * `restart`): starts the stop; the caller then parks its CPU. */
void zone_request_stop(struct zone *zone, bool restart);

struct zone *zone_root(void);
/* The running zone with that id, or NULL. */
struct zone *zone_running_by_id(uint32_t id);
bool zone_owns_interrupt(const struct zone *zone, uint32_t intid);
unsigned zone_slot(const struct zone *zone);
/* Inline: every exit asks it (vcpu_exit_done in zone_stop.h). */
static inline bool zone_is_stopping(const struct zone *zone)
{
	enum zone_state state = __atomic_load_n(&zone->state, __ATOMIC_ACQUIRE);

	return state == ZONE_STOPPING || state == ZONE_FAILED;
}

/* Entries for HC_ZONE_LIST, at most `max`; returns how many. */
unsigned zone_list(struct zone_info *out, unsigned max);
/* A copy of the running zone's config; false if no such zone. */
bool zone_config_get(uint32_t id, struct zone_config *out);

/* For the zone_*.c files only. */
struct zone *zone_slot_by_index(unsigned slot);
/* Hands the zone its CPUs, powered off, and starts its boot vCPU at the
 * config's entry point. Under zones_lock. */
void zone_boot(struct zone *zone);
extern spinlock_t zones_lock;

#endif
