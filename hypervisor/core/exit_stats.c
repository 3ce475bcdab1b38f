/* Per-CPU counters, so that counting takes no lock and shares no line. */
#include "exit_stats.h"

#ifdef HV_STATS

#include "arch.h"
#include "log.h"
#include "platform.h"

struct exit_counter {
	uint64_t count;
	uint64_t ns;
};

static struct exit_counter counters[MAX_CPUS][EXIT_KINDS];

static const char *const kind_names[EXIT_KINDS] = {
	[EXIT_HYPERCALL] = "hvc/smc",
	[EXIT_MMIO] = "mmio",
	[EXIT_SYSREG] = "sysreg",
	[EXIT_OTHER_SYNC] = "other sync",
	[EXIT_IRQ_TIMER] = "irq: timer",
	[EXIT_IRQ_KICK] = "irq: kick",
	[EXIT_IRQ_DEVICE] = "irq: device",
	[EXIT_IRQ_OTHER] = "irq: other",
};

void exit_stats_count(enum exit_kind kind, uint64_t start_ns)
{
	struct exit_counter *c = &counters[arch_cpu_id()][kind];

	c->count++;
	c->ns += arch_time_ns() - start_ns;
}

/* Read while other CPUs may still count: figures off by an exit or two. */
void exit_stats_report(void)
{
	log_info("exit counters (STATS=1), per kind and CPU: exits, mean time in the handler");
	for (unsigned kind = 0; kind < EXIT_KINDS; kind++) {
		for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++) {
			const struct exit_counter *c = &counters[cpu][kind];
			if (c->count)
				log_raw("  %-12s cpu%u %8lu exits %8lu ns", kind_names[kind], cpu,
					(unsigned long)c->count, (unsigned long)(c->ns / c->count));
		}
	}
}

#endif
