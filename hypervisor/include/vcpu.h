/* One virtual CPU per physical CPU: no scheduler, static partitioning. */
#ifndef VCPU_H
#define VCPU_H

#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>

#include "platform.h"
#include "spinlock.h"

struct zone;

/* PSCI's view of a vCPU; a powered-off vCPU's physical CPU idles. */
enum vcpu_power {
	VCPU_OFF,
	VCPU_ON_PENDING,
	VCPU_ON,
};

/* A ZoneShutdown this vCPU is waiting for, kept while the hypercall is
 * restarted (hypercall.h): which stop. */
struct shutdown_wait {
	bool active;
	uint32_t zone_id;
	unsigned slot;
	uint32_t generation;
};

struct vcpu {
	struct zone *zone;      /* NULL while the CPU is parked */
	unsigned cpu;           /* physical CPU */
	unsigned index;         /* position among the zone's CPUs */
	spinlock_t lock;
	enum vcpu_power power;
	uint64_t entry;         /* guest-physical entry point of the next power-on */
	uint64_t boot_arg;      /* x0 at that entry */
	struct shutdown_wait shutdown_wait;
};

enum vcpu_on_result {
	VCPU_ON_STARTED,
	VCPU_ON_ALREADY_ON,
	VCPU_ON_ALREADY_PENDING,
	VCPU_ON_NOT_IN_ZONE,    /* the CPU left the caller's zone, or it is stopping */
};

struct percpu {
	unsigned cpu;
	bool online;
	struct vcpu vcpu;
};

extern struct percpu percpus[MAX_CPUS];

struct percpu *this_cpu(void);

/* Runs this CPU's vCPU once it is powered on; idles until then, and parks
 * the CPU when its zone stops. */
noreturn void cpu_run_or_park(void);

/* The vCPU of `zone` whose hardware CPU identifier is `hw_id`, or NULL. */
struct vcpu *zone_vcpu_by_hw_id(struct zone *zone, uint64_t hw_id);
uint64_t vcpu_hw_id(const struct vcpu *vcpu);
/* Gives `vcpu` (its CPU) to `zone`, powered off, or to nobody (NULL). */
void vcpu_assign(struct vcpu *vcpu, struct zone *zone);
/* Powers on a vCPU of the caller's zone. */
enum vcpu_on_result vcpu_power_on(const struct zone *caller, struct vcpu *vcpu, uint64_t entry,
				  uint64_t arg);
/* Powers the calling vCPU off; its CPU idles until the next power-on. */
noreturn void vcpu_power_off_self(void);

#endif
