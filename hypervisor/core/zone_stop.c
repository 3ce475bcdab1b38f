/* Stopping a zone, on ZoneShutdown from zone0 or PSCI SYSTEM_OFF from the
 * zone itself. Each of its CPUs is kicked out of the guest (a physical
 * interrupt reaches EL2 whatever the guest masks) and parks itself; the last
 * one to park releases the zone: its interrupts are reset, its RAM cleared,
 * and its CPUs, SPIs and RAM go back to zone0. */
#include "zone_stop.h"

#include <tessera/hypercall.h>

#include "arch.h"
#include "hypercall.h"
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
#define SHUTDOWN_YIELD_NS   1000000ULL

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
 * saved images; its RAM is its own, so it is not cleared. A zone can loop
 * on it: its line goes through the zone's own rate limit. */
static void restart(struct zone *zone)
{
	arch_zone_reset(zone);
	boot_images_restore(zone);
	spin_lock(&zones_lock);
	__atomic_store_n(&zone->state, ZONE_RUNNING, __ATOMIC_RELEASE);
	zone_boot(zone);
	spin_unlock(&zones_lock);
	log_guest_info(zone, "zone %u (%s) restarted", zone->id, zone->name);
}

static void release(struct zone *zone)
{
	struct zone *root = zone_root();
	uint64_t root_cpus;
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
	root_cpus = root->cpus;
	spin_unlock(&zones_lock);
	/* Logged before the waiter in zone0 returns (the generation changes),
	 * so the line comes first; not under zones_lock, which would be held for
	 * as long as the UART takes. Meanwhile the zone, still stopping, holds
	 * its slot and id. */
	log_info("zone %u (%s) stopped: cpus 0x%lx returned (zone0 now has 0x%lx); %zu pool pages "
		 "free", zone->id, zone->name, (unsigned long)zone->cpus, (unsigned long)root_cpus,
		 page_pool_free_pages(&hv_page_pool));
	spin_lock(&zones_lock);
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
	/* Under zones_lock, where a waiter past its deadline decides that a CPU
	 * failed to stop: it sees this CPU either still running or parked,
	 * never parked after it looked and before it marks the zone. */
	spin_lock(&zones_lock);
	uint64_t left = zone->cpus_to_stop & ~me;
	__atomic_store_n(&zone->cpus_to_stop, left, __ATOMIC_RELEASE);
	spin_unlock(&zones_lock);
	if (!left)
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

/* Once the deadline has passed. Under zones_lock: since the waiter last
 * looked, the last CPU may have parked and released the zone, and zone0 may
 * even have started another zone in the slot; only the stop of the zone of
 * `generation` fails, and only while a CPU of it has still not parked. */
static bool mark_failed_if_stuck(struct zone *zone, uint32_t generation, uint64_t *stuck_cpus)
{
	bool stuck;

	spin_lock(&zones_lock);
	*stuck_cpus = zone->cpus_to_stop;
	stuck = zone->generation == generation && zone_is_stopping(zone) && *stuck_cpus;
	if (stuck)
		__atomic_store_n(&zone->state, ZONE_FAILED, __ATOMIC_RELEASE);
	spin_unlock(&zones_lock);
	return stuck;
}

static int64_t begin_shutdown(struct shutdown_wait *wait, uint32_t id)
{
	struct zone *zone;

	spin_lock(&zones_lock);
	zone = id == ROOT_ZONE_ID ? NULL : find_stoppable(id);
	if (!zone) {
		spin_unlock(&zones_lock);
		log_warn("zone shutdown: no zone %u to stop%s", id,
			 id == ROOT_ZONE_ID ? " (zone0 stops with PSCI SYSTEM_OFF)" : "");
		return -HV_EINVAL;
	}
	*wait = (struct shutdown_wait){
		.active = true,
		.zone_id = id,
		.slot = zone_slot(zone),
		.generation = zone->generation,
	};
	stop_for_good(zone);
	spin_unlock(&zones_lock);
	zone->stop_deadline = arch_time_ns() + CPU_STOP_TIMEOUT_NS;
	kick_other_cpus(zone);
	return 0;
}

/* The zone being waited for, until its slot is released (a token zone0
 * made up finds none: it must not stop anything). */
static struct zone *zone_of_wait(const struct shutdown_wait *wait)
{
	struct zone *z = zone_slot_by_index(wait->slot);

	if (__atomic_load_n(&z->generation, __ATOMIC_ACQUIRE) != wait->generation ||
	    __atomic_load_n(&z->state, __ATOMIC_ACQUIRE) == ZONE_FREE ||
	    z->id != wait->zone_id)
		return NULL;
	return z;
}

/* For callers that pass no token (hvisor's): whether the guest is
 * executing again the call it was waiting in: the same zone id, and no
 * other zone of that id started since (a wait the guest never came back to
 * must not pass for the stop of a new zone). */
static bool resumes_wait(const struct shutdown_wait *wait, uint32_t id)
{
	if (!wait->active || wait->zone_id != id)
		return false;
	for (unsigned i = 1; i < MAX_ZONES; i++) {
		const struct zone *z = zone_slot_by_index(i);
		if (z->id == id && __atomic_load_n(&z->state, __ATOMIC_ACQUIRE) != ZONE_FREE &&
		    (i != wait->slot ||
		     __atomic_load_n(&z->generation, __ATOMIC_ACQUIRE) != wait->generation))
			return false;
	}
	return true;
}

#define TOKEN_SLOT_SHIFT 32
#define TOKEN_SLOT_MASK  0xffULL
#define TOKEN_RESUMES    (1ULL << 61)

static uint64_t token_of(const struct shutdown_wait *wait)
{
	return HC_SHUTDOWN_TOKEN | TOKEN_RESUMES | (uint64_t)wait->slot << TOKEN_SLOT_SHIFT |
	       wait->generation;
}

/* The stop a token names; false for a token no ZoneShutdown returned. */
static bool wait_of_token(uint64_t token, uint32_t id, struct shutdown_wait *wait)
{
	unsigned slot = (unsigned)((token >> TOKEN_SLOT_SHIFT) & TOKEN_SLOT_MASK);

	if (slot == 0 || slot >= MAX_ZONES)
		return false;
	*wait = (struct shutdown_wait){
		.active = true, .zone_id = id, .slot = slot, .generation = (uint32_t)token,
	};
	return true;
}

/* The caller's CPU helps clear the zone's RAM and waits for the release,
 * for about a millisecond: the release may wait for zone0's virtio daemon,
 * which needs zone0 to run. 0 once the zone is released, -HV_EBUSY if its
 * CPUs did not stop in time, 1 while the stop goes on. */
static int64_t wait_for_release(const struct shutdown_wait *wait)
{
	uint64_t yield_at = 0, stuck_cpus;
	struct zone *zone;

	while ((zone = zone_of_wait(wait))) {
		ram_clear_help(&zone->ram_clear, &zone->config, wait->generation);
		/* A restart already under way when the stop came runs the zone
		 * again: stop it once more. */
		if (__atomic_load_n(&zone->state, __ATOMIC_ACQUIRE) == ZONE_RUNNING) {
			spin_lock(&zones_lock);
			if (zone->generation == wait->generation && zone->state == ZONE_RUNNING)
				stop_for_good(zone);
			spin_unlock(&zones_lock);
			kick_other_cpus(zone);
			zone->stop_deadline = arch_time_ns() + CPU_STOP_TIMEOUT_NS;
		}
		if (__atomic_load_n(&zone->cpus_to_stop, __ATOMIC_ACQUIRE) &&
		    arch_time_ns() > zone->stop_deadline &&
		    mark_failed_if_stuck(zone, wait->generation, &stuck_cpus)) {
			log_error("zone %u: cpus 0x%lx did not stop within %llu ms; it stays "
				  "listed as failed", wait->zone_id, (unsigned long)stuck_cpus,
				  CPU_STOP_TIMEOUT_NS / 1000000);
			return -HV_EBUSY;
		}
		uint64_t now = arch_time_ns();
		if (!yield_at)
			yield_at = now + SHUTDOWN_YIELD_NS;
		else if (now > yield_at)
			return 1;
	}
	return 0;
}

/* tessera's module waits in zone0, with a token that names the stop: the
 * task may come back on another CPU, and a token for a stop that ended
 * never stops a zone started since. */
static int64_t shutdown_with_token(uint32_t id, uint64_t token)
{
	struct shutdown_wait wait;
	int64_t ret;

	if (!(token & TOKEN_RESUMES))
		ret = begin_shutdown(&wait, id);
	else
		ret = wait_of_token(token, id, &wait) ? 0 : -HV_EINVAL;
	if (ret)
		return ret;
	ret = wait_for_release(&wait);
	return ret == 1 ? (int64_t)token_of(&wait) : ret;
}

int64_t zone_shutdown(struct vcpu *caller, uint32_t id, uint64_t token)
{
	struct shutdown_wait *wait = &caller->shutdown_wait;
	int64_t ret;

	if (token & HC_SHUTDOWN_TOKEN)
		return shutdown_with_token(id, token);
	if (!resumes_wait(wait, id)) {
		ret = begin_shutdown(wait, id);
		if (ret)
			return ret;
	}
	ret = wait_for_release(wait);
	if (ret == 1)
		return HYPERCALL_RESTART;
	wait->active = false;
	return ret;
}
