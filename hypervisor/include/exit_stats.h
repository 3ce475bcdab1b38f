/* Exit counters, compiled in only by `make STATS=1` (HV_STATS): how many
 * exits of each kind every CPU took and the time spent handling them,
 * printed when zone0 powers the machine off. The default build has none:
 * every call below is an empty inline function. */
#ifndef EXIT_STATS_H
#define EXIT_STATS_H

#include <stdint.h>

enum exit_kind {
	EXIT_HYPERCALL,     /* hvc and smc: hypercalls, PSCI, SMCCC */
	EXIT_MMIO,          /* trapped device accesses (GIC, console, virtio) */
	EXIT_SYSREG,        /* trapped system registers (SGIs, PMU, debug) */
	EXIT_OTHER_SYNC,
	EXIT_IRQ_TIMER,     /* a zone's timer interrupt */
	EXIT_IRQ_KICK,      /* the hypervisor's SGI: a vCPU to wake or stop */
	EXIT_IRQ_DEVICE,    /* another interrupt of the zone */
	EXIT_IRQ_OTHER,     /* maintenance, spurious, not the zone's */
	EXIT_KINDS,
};

#ifdef HV_STATS
#define IS_ENABLED_STATS 1
/* At the end of an exit that began at `start_ns` (arch_time_ns()). */
void exit_stats_count(enum exit_kind kind, uint64_t start_ns);
void exit_stats_report(void);
#else
#define IS_ENABLED_STATS 0
static inline void exit_stats_count(enum exit_kind kind, uint64_t start_ns)
{
	(void)kind;
	(void)start_ns;
}

static inline void exit_stats_report(void)
{
}
#endif

#endif
