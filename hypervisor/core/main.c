/* Boot flow: the boot CPU learns the CPUs from the device tree it was booted
 * with, brings up the others, creates the root zone from the platform
 * description, then every CPU runs its vCPU or parks. */
#include <tessera/zone_config.h>

#include "arch.h"
#include "bitmap.h"
#include "cpu_topology.h"
#include "log.h"
#include "page_pool.h"
#include "platform.h"
#include "util.h"
#include "vcpu.h"
#include "zone.h"

#define CPU_ONLINE_TIMEOUT_NS 2000000000ULL
#define NS_PER_MS 1000000ULL
#define MAX_POOL_PAGES (256 * 1024 * 1024 / PAGE_SIZE)

struct page_pool hv_page_pool;
static uint64_t pool_usage[BITMAP_WORDS(MAX_POOL_PAGES)];
static bool zones_ready;

/* Logged before it is published, so the boot CPU's count comes after it. */
static void mark_online(unsigned cpu)
{
	percpus[cpu].cpu = cpu;
	percpus[cpu].vcpu.cpu = cpu;
	log_info("CPU %u online, hardware id 0x%lx", cpu, (unsigned long)platform.cpu_hw_ids[cpu]);
	__atomic_store_n(&percpus[cpu].online, true, __ATOMIC_RELEASE);
}

static unsigned count_online(void)
{
	unsigned online = 0;

	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
		online += __atomic_load_n(&percpus[cpu].online, __ATOMIC_ACQUIRE);
	return online;
}

/* A CPU the firmware would not power on is not waited for: only one that
 * started and never arrived costs the timeout. */
static void start_secondary_cpus(void)
{
	uint64_t begin = arch_time_ns();
	unsigned started = 1;

	for (unsigned cpu = 1; cpu < platform.num_cpus; cpu++) {
		int err = arch_cpu_power_on(cpu);
		if (err)
			log_error("CPU %u did not power on (error %d)", cpu, err);
		else
			started++;
	}
	while (count_online() < started && arch_time_ns() - begin < CPU_ONLINE_TIMEOUT_NS)
		;
	log_info("%u of %u CPUs online in %lu ms", count_online(), platform.num_cpus,
		 (unsigned long)((arch_time_ns() - begin) / NS_PER_MS));
}

static void init_page_pool(void)
{
	size_t pages = MIN(platform.page_pool.size / PAGE_SIZE, MAX_POOL_PAGES);

	page_pool_init(&hv_page_pool, platform.page_pool.start, pages, pool_usage);
	log_info("page pool: %zu pages at 0x%lx", pages, (unsigned long)platform.page_pool.start);
}

/* Reported here, before any guest prints, so that lines do not interleave. */
static void report_parked_cpus(void)
{
	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
		if (percpus[cpu].online && !percpus[cpu].vcpu.zone)
			log_info("CPU %u parked: no zone owns it", cpu);
}

static void release_cpus(void)
{
	__atomic_store_n(&zones_ready, true, __ATOMIC_RELEASE);
	for (unsigned cpu = 1; cpu < platform.num_cpus; cpu++)
		if (percpus[cpu].online)
			arch_cpu_kick(cpu);
}

void hv_primary_main(uint64_t host_dtb)
{
	log_info("tessera hypervisor on %s, host device tree at 0x%lx", platform.name,
		 (unsigned long)host_dtb);
	cpu_topology_init(host_dtb);
	arch_cpu_init(0);
	mark_online(0);
	init_page_pool();
	start_secondary_cpus();
	if (zone_create(platform.root_zone, true) != 0)
		log_error("the root zone could not be created; nothing to run");
	report_parked_cpus();
	release_cpus();
	cpu_run_or_park();
}

void hv_secondary_main(unsigned cpu)
{
	arch_cpu_init(cpu);
	mark_online(cpu);
	while (!__atomic_load_n(&zones_ready, __ATOMIC_ACQUIRE))
		arch_cpu_idle();
	cpu_run_or_park();
}
