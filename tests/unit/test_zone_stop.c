/* Stopping a zone (core/zone_stop.c) on fakes of everything around it: zone
 * slots, CPUs, and a clock that jumps 10 s a read, past any deadline. What
 * the zone's CPUs do meanwhile is played by hooks at the points where they
 * can interleave with the CPU waiting in zone_shutdown. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <tessera/hypercall.h>

#include "arch.h"
#include "hypercall.h"
#include "log.h"
#include "platform.h"
#include "virtio_bridge.h"
#include "zone.h"
#include "zone_lending.h"
#include "zone_stop.h"

#define ZONE1_CPUS 0xcULL
#define CLOCK_STEP_NS 10000000000ULL

struct platform platform = { .num_cpus = 4 };
struct percpu percpus[MAX_CPUS];
struct page_pool hv_page_pool;
spinlock_t zones_lock = SPINLOCK_INIT;

static struct zone slots[MAX_ZONES];
static uint64_t now_ns;
/* The last line of each kind, and how many lines were logged under
 * zones_lock (the UART would hold it for as long as it takes to print). */
static char last_error[256], last_info[256], last_guest_line[256];
static struct zone *last_guest_zone;
static unsigned lines_under_zones_lock;

/* Run once, at the next clock read or the next look at the RAM clear. */
static void (*at_clock_read)(void);
static void (*at_ram_clear_help)(void);

static void run_once(void (**hook)(void))
{
	void (*run)(void) = *hook;

	*hook = NULL;
	if (run)
		run();
}

struct zone *zone_slot_by_index(unsigned slot)
{
	return &slots[slot];
}

unsigned zone_slot(const struct zone *zone)
{
	return (unsigned)(zone - slots);
}

struct zone *zone_root(void)
{
	return &slots[0];
}

/* The first read sets the stop's deadline; every later one is past it. */
uint64_t arch_time_ns(void)
{
	now_ns += CLOCK_STEP_NS;
	if (now_ns > CLOCK_STEP_NS)
		run_once(&at_clock_read);
	return now_ns;
}

void ram_clear_help(struct ram_clear *job, const struct zone_config *config, uint32_t generation)
{
	(void)job;
	(void)config;
	(void)generation;
	run_once(&at_ram_clear_help);
}

void log_printf(enum log_level level, const char *fmt, ...)
{
	va_list args;

	lines_under_zones_lock += zones_lock.locked;
	va_start(args, fmt);
	vsnprintf(level == LOG_ERROR ? last_error : last_info, sizeof(last_error), fmt, args);
	va_end(args);
}

void log_guest(struct zone *zone, enum log_level level, const char *fmt, ...)
{
	va_list args;

	(void)level;
	lines_under_zones_lock += zones_lock.locked;
	last_guest_zone = zone;
	va_start(args, fmt);
	vsnprintf(last_guest_line, sizeof(last_guest_line), fmt, args);
	va_end(args);
}

void vcpu_assign(struct vcpu *vcpu, struct zone *zone)
{
	__atomic_store_n(&vcpu->zone, zone, __ATOMIC_RELEASE);
}

/* The rest of the hypervisor does nothing here. */
unsigned arch_cpu_id(void) { return 0; }
void arch_cpu_kick(unsigned cpu) { (void)cpu; }
void arch_vcpu_stop(struct vcpu *vcpu) { (void)vcpu; }
void arch_zone_reset(struct zone *zone) { (void)zone; }
void boot_images_restore(const struct zone *zone) { (void)zone; }
void boot_images_forget(struct zone *zone) { (void)zone; }
size_t page_pool_free_pages(struct page_pool *pool) { (void)pool; return 0; }
void ram_clear_run(struct ram_clear *job, const struct zone_config *config, uint32_t generation)
{
	(void)job;
	(void)config;
	(void)generation;
}
void root_take_back(struct zone *zone) { (void)zone; }
void stage2_destroy(struct stage2_table *table) { (void)table; }
void virtio_bridge_zone_stopped(struct zone *zone) { (void)zone; }
void zone_boot(struct zone *zone) { (void)zone; }

static struct zone *zone1(void)
{
	return &slots[1];
}

static int setup(void **state)
{
	(void)state;
	memset(slots, 0, sizeof(slots));
	memset(percpus, 0, sizeof(percpus));
	slots[0] = (struct zone){ .state = ZONE_RUNNING, .id = 0, .cpus = 0x3 };
	slots[1] = (struct zone){ .state = ZONE_RUNNING, .id = 1, .name = "zone1",
				  .cpus = ZONE1_CPUS, .generation = 7 };
	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++) {
		percpus[cpu].vcpu.cpu = cpu;
		percpus[cpu].vcpu.zone = cpu < 2 ? &slots[0] : zone1();
		percpus[cpu].vcpu.power = VCPU_ON;
	}
	now_ns = 0;
	at_clock_read = NULL;
	at_ram_clear_help = NULL;
	last_error[0] = last_info[0] = last_guest_line[0] = '\0';
	last_guest_zone = NULL;
	lines_under_zones_lock = 0;
	zones_lock = (spinlock_t)SPINLOCK_INIT;
	return 0;
}

/* zone1's CPUs take the kick and park, the last one releasing the zone. */
static void zone1_cpus_park(void)
{
	assert_true(zone_stop_this_cpu_if_asked(&percpus[2].vcpu));
	assert_true(zone_stop_this_cpu_if_asked(&percpus[3].vcpu));
}

/* ... and zone0 starts another zone in the slot at once. */
static void zone1_cpus_park_and_the_slot_is_reused(void)
{
	zone1_cpus_park();
	assert_int_equal(zone1()->state, ZONE_FREE);
	zone1()->state = ZONE_RUNNING;
	zone1()->id = 2;
}

static void release_ends(void)
{
	zone1()->generation++;
	zone1()->state = ZONE_FREE;
}

/* The last CPU parks and starts releasing the zone (clearing its RAM); the
 * release ends while the waiter helps with the clear. */
static void last_cpu_parks_and_the_release_takes_a_while(void)
{
	zone1()->cpus_to_stop = 0;
	at_ram_clear_help = release_ends;
}

/* zone0's kernel executes a restarted ZoneShutdown again at once. */
static int64_t shutdown(uint32_t id)
{
	struct vcpu *caller = &percpus[0].vcpu;
	int64_t ret;

	while ((ret = zone_shutdown(caller, id, 0)) == HYPERCALL_RESTART)
		;
	return ret;
}

static void a_zone_whose_cpus_park_is_released(void **state)
{
	(void)state;
	at_ram_clear_help = zone1_cpus_park;

	assert_int_equal(shutdown(1), 0);
	assert_int_equal(zone1()->state, ZONE_FREE);
	assert_int_equal(zone1()->generation, 8);
	assert_string_equal(last_info, "zone 1 (zone1) stopped: cpus 0xc returned (zone0 now has "
				       "0x3); 0 pool pages free");
	assert_int_equal(lines_under_zones_lock, 0);
}

/* A zone can loop on SYSTEM_RESET: each restart's line goes through the
 * zone's own rate limit. */
static void a_restart_is_logged_against_the_zones_own_limit(void **state)
{
	(void)state;
	zone1()->boot_images.cache_size = 0x1000;

	zone_request_stop(zone1(), true);
	zone1_cpus_park();
	assert_int_equal(zone1()->state, ZONE_RUNNING);
	assert_int_equal(zone1()->generation, 7);
	assert_ptr_equal(last_guest_zone, zone1());
	assert_string_equal(last_guest_line, "zone 1 (zone1) restarted");
	assert_int_equal(lines_under_zones_lock, 0);
}

static void a_zone_whose_cpus_do_not_park_is_listed_as_failed(void **state)
{
	(void)state;

	assert_int_equal(shutdown(1), -HV_EBUSY);
	assert_int_equal(zone1()->state, ZONE_FAILED);
	assert_int_equal(zone1()->generation, 7);
	assert_string_equal(last_error, "zone 1: cpus 0xc did not stop within 1000 ms; it stays "
					"listed as failed");
}

/* The failure path's race: the waiter found a CPU not yet parked, then read
 * the clock past the deadline; in between the zone was released and its slot
 * given to a new zone, which must not be marked failed (a later shutdown of
 * it would wait forever for CPUs never asked to stop). */
static void a_slot_reused_as_the_deadline_passes_is_left_running(void **state)
{
	(void)state;
	at_clock_read = zone1_cpus_park_and_the_slot_is_reused;

	assert_int_equal(shutdown(1), 0);
	assert_int_equal(zone1()->state, ZONE_RUNNING);
	assert_int_equal(zone1()->id, 2);
	assert_string_equal(last_error, "");
}

/* The same moment with the release still under way: the stop succeeds. */
static void a_release_under_way_as_the_deadline_passes_is_waited_for(void **state)
{
	(void)state;
	at_clock_read = last_cpu_parks_and_the_release_takes_a_while;

	assert_int_equal(shutdown(1), 0);
	assert_int_equal(zone1()->state, ZONE_FREE);
	assert_int_equal(zone1()->generation, 8);
	assert_string_equal(last_error, "");
}

/* The release waits (for the virtio daemon, say): zone0 gets its CPU back
 * every millisecond and the same call, executed again, goes on waiting. */
static void a_long_release_restarts_the_call_until_it_ends(void **state)
{
	struct vcpu *caller = &percpus[0].vcpu;
	unsigned restarts = 0;
	int64_t ret;

	(void)state;
	zone1()->cpus_to_stop = 0;
	zone1()->state = ZONE_STOPPING;
	while ((ret = zone_shutdown(caller, 1, 0)) == HYPERCALL_RESTART) {
		if (++restarts == 3)
			release_ends();
	}
	assert_int_equal(ret, 0);
	assert_int_equal(restarts, 3);
	assert_false(caller->shutdown_wait.active);
}

/* A wait left behind (the guest never executed the call again) must not
 * pass for the stop of a zone started in that slot since. */
static void a_wait_left_behind_does_not_pass_for_a_new_zone(void **state)
{
	struct vcpu *caller = &percpus[0].vcpu;

	(void)state;
	caller->shutdown_wait = (struct shutdown_wait){
		.active = true, .zone_id = 1, .slot = 1, .generation = 3,
	};
	at_ram_clear_help = zone1_cpus_park;

	assert_int_equal(shutdown(1), 0);
	assert_int_equal(zone1()->state, ZONE_FREE);
	assert_int_equal(zone1()->generation, 8);
}

/* tessera's module waits in zone0 with a token: it may come back on
 * another CPU, and a token whose stop ended stops nothing started since. */
static void a_token_resumes_its_stop_alone(void **state)
{
	int64_t token;

	(void)state;
	zone1()->cpus_to_stop = 0;
	zone1()->state = ZONE_STOPPING;
	token = zone_shutdown(&percpus[0].vcpu, 1, HC_SHUTDOWN_TOKEN);
	assert_true(token > 0 && (token & HC_SHUTDOWN_TOKEN));
	assert_int_equal(zone_shutdown(&percpus[1].vcpu, 1, (uint64_t)token), token);
	release_ends();
	assert_int_equal(zone_shutdown(&percpus[1].vcpu, 1, (uint64_t)token), 0);

	zone1()->state = ZONE_RUNNING;
	assert_int_equal(zone_shutdown(&percpus[0].vcpu, 1, (uint64_t)token), 0);
	assert_int_equal(zone1()->state, ZONE_RUNNING);
	/* One for another zone's slot, or none, stops nothing either. */
	assert_int_equal(zone_shutdown(&percpus[0].vcpu, 2, (uint64_t)token + 1), 0);
	assert_int_equal(zone_shutdown(&percpus[0].vcpu, 1,
				       HC_SHUTDOWN_TOKEN | (1ULL << 61) | 9ULL << 32), -HV_EINVAL);
	assert_int_equal(zone1()->state, ZONE_RUNNING);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(a_zone_whose_cpus_park_is_released, setup),
		cmocka_unit_test_setup(a_restart_is_logged_against_the_zones_own_limit, setup),
		cmocka_unit_test_setup(a_zone_whose_cpus_do_not_park_is_listed_as_failed, setup),
		cmocka_unit_test_setup(a_slot_reused_as_the_deadline_passes_is_left_running, setup),
		cmocka_unit_test_setup(a_release_under_way_as_the_deadline_passes_is_waited_for,
				       setup),
		cmocka_unit_test_setup(a_long_release_restarts_the_call_until_it_ends, setup),
		cmocka_unit_test_setup(a_wait_left_behind_does_not_pass_for_a_new_zone, setup),
		cmocka_unit_test_setup(a_token_resumes_its_stop_alone, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
