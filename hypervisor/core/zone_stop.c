/* Stopping a zone, on ZoneShutdown from zone0 or PSCI SYSTEM_OFF from the
 * zone itself. Each of its CPUs is kicked out of the guest (a physical
 * interrupt reaches EL2 whatever the guest masks) and parks itself; the last
 * one to park releases the zone: its interrupts are reset, its RAM cleared,
 * and its CPUs, SPIs and RAM go back to zone0. */
#include "zone_stop.h"

#include <tessera/hypercall.h>

#include "arch.h"
#include "log.h"
#include "page_pool.h"
#include "platform.h"
#include "ram_clear.h"
#include "util.h"
#include "vcpu.h"
#include "virtio_bridge.h"
#include "zone.h"
#include "zone_lending.h"

#define CPU_STOP_TIMEOUT_NS 1000000000ULL

static void begin_stop(struct zone *zone)
{
	if (zone->state == ZONE_RUNNING)
		zone->cpus_to_stop = zone->cpus;
	__atomic_store_n(&zone->state, ZONE_STOPPING, __ATOMIC_RELEASE);
}

static void kick_other_cpus(const struct zone *zone)
{
	unsigned me = arch_cpu_id();

	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
		if ((zone->cpus & BIT(cpu)) && cpu != me)
			arch_cpu_kick(cpu);
}

/* SYSTEM_RESET: the zone keeps its resources and boots again from its
 * saved images; its RAM is its own, so it is not cleared. */
static void restart(struct zone *zone)
{
	arch_zone_reset(zone);
	boot_images_restore(zone);
	spin_lock(&zones_lock);
	__atomic_store_n(&zone->state, ZONE_RUNNING, __ATOMIC_RELEASE);
	zone_boot(zone);
	spin_unlock(&zones_lock);
	log_info("zone %u (%s) restarted", zone->id, zone->name);
}

static void release(struct zone *zone)
{
	struct zone *root = zone_root();
	bool restarting;

	virtio_bridge_zone_stopped(zone);
	spin_lock(&zones_lock);
	restarting = zone->restart_requested;
	zone->restart_requested = false;
	spin_unlock(&zones_lock);
	if (restarting) {
		restart(zone);
		return;
	}
	arch_zone_reset(zone);
	ram_clear_run(&zone->ram_clear, &zone->config, zone->generation);
	spin_lock(&zones_lock);
	root_take_back(zone);
	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
		if (zone->cpus & BIT(cpu))
			vcpu_assign(&percpus[cpu].vcpu, (root->cpus & BIT(cpu)) ? root : NULL);
	stage2_destroy(&zone->stage2);
	boot_images_forget(zone);
	/* Logged before the waiter in zone0 returns, so the line comes first. */
	log_info("zone %u (%s) stopped: cpus 0x%lx returned (zone0 now has 0x%lx); %zu pool pages "
		 "free", zone->id, zone->name, (unsigned long)zone->cpus, (unsigned long)root->cpus,
		 page_pool_free_pages(&hv_page_pool));
	__atomic_store_n(&zone->generation, zone->generation + 1, __ATOMIC_RELEASE);
	__atomic_store_n(&zone->state, ZONE_FREE, __ATOMIC_RELEASE);
	spin_unlock(&zones_lock);
}

bool zone_stop_this_cpu_if_asked(struct vcpu *vcpu)
{
	struct zone *zone = __atomic_load_n(&vcpu->zone, __ATOMIC_ACQUIRE);
	uint64_t me = BIT(vcpu->cpu);

	if (!zone || !zone_is_stopping(zone) ||
	    !(__atomic_load_n(&zone->cpus_to_stop, __ATOMIC_ACQUIRE) & me))
		return false;
	arch_vcpu_stop(vcpu);
	spin_lock(&vcpu->lock);
	vcpu->power = VCPU_OFF;
	spin_unlock(&vcpu->lock);
	if (__atomic_and_fetch(&zone->cpus_to_stop, ~me, __ATOMIC_ACQ_REL) == 0)
		release(zone);
	return true;
}

void zone_request_stop(struct zone *zone, bool restart)
{
	spin_lock(&zones_lock);
	if (zone->state == ZONE_RUNNING) {
		zone->restart_requested = restart && zone->boot_images.cache_size;
		begin_stop(zone);
	}
	spin_unlock(&zones_lock);
	kick_other_cpus(zone);
}

static struct zone *find_stoppable(uint32_t id)
{
	for (unsigned i = 1; i < MAX_ZONES; i++) {
		struct zone *z = zone_slot_by_index(i);
		if (z->state != ZONE_FREE && z->id == id)
			return z;
	}
	return NULL;
}

/* Under zones_lock. A shutdown overrides a restart the zone asked for. */
static void stop_for_good(struct zone *zone)
{
	zone->restart_requested = false;
	begin_stop(zone);
}

int zone_shutdown(uint32_t id)
{
	struct zone *zone;
	uint32_t generation;
	uint64_t deadline;

	spin_lock(&zones_lock);
	zone = id == ROOT_ZONE_ID ? NULL : find_stoppable(id);
	if (!zone) {
		spin_unlock(&zones_lock);
		log_warn("zone shutdown: no zone %u to stop%s", id,
			 id == ROOT_ZONE_ID ? " (zone0 stops with PSCI SYSTEM_OFF)" : "");
		return -HV_EINVAL;
	}
	generation = zone->generation;
	stop_for_good(zone);
	spin_unlock(&zones_lock);
	kick_other_cpus(zone);
	deadline = arch_time_ns() + CPU_STOP_TIMEOUT_NS;

	while (__atomic_load_n(&zone->generation, __ATOMIC_ACQUIRE) == generation) {
		ram_clear_help(&zone->ram_clear, &zone->config, generation);
		/* A restart already under way when the stop came runs the zone
		 * again: stop it once more. */
		if (__atomic_load_n(&zone->state, __ATOMIC_ACQUIRE) == ZONE_RUNNING) {
			spin_lock(&zones_lock);
			if (zone->generation == generation && zone->state == ZONE_RUNNING)
				stop_for_good(zone);
			spin_unlock(&zones_lock);
			kick_other_cpus(zone);
			deadline = arch_time_ns() + CPU_STOP_TIMEOUT_NS;
		}
		if (__atomic_load_n(&zone->cpus_to_stop, __ATOMIC_ACQUIRE) &&
		    arch_time_ns() > deadline) {
			__atomic_store_n(&zone->state, ZONE_FAILED, __ATOMIC_RELEASE);
			log_error("zone %u: cpus 0x%lx did not stop within %llu ms; it stays "
				  "listed as failed", id,
				  (unsigned long)__atomic_load_n(&zone->cpus_to_stop, __ATOMIC_ACQUIRE),
				  CPU_STOP_TIMEOUT_NS / 1000000);
			return -HV_EBUSY;
		}
	}
	return 0;
}
