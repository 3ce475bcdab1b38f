/* What only the architecture understands of a zone config and of the
 * platform: its interrupt controller (GICv3 windows and INTIDs, a PLIC
 * window and sources). The validator (config_check.c) asks these rules;
 * like it, they are pure logic, compiled into the hypervisor, the CLI and
 * the host tests. */
#ifndef IRQCHIP_CONFIG_H
#define IRQCHIP_CONFIG_H

#include <stdint.h>
#include <tessera/zone_config.h>

#include "config_check.h"
#include "platform.h"

/* arch_config: the zone's interrupt controller windows against the
 * machine's. 0 or e->err. */
int irqchip_config_check_arch(const struct zone_config *c, const struct platform *plat,
			      struct config_error *e);

/* interrupts_bitmap: only interrupts a zone can own (shared, existing). */
int irqchip_config_check_interrupts(const struct zone_config *c, const struct platform *plat,
				    struct config_error *e);

struct irqchip_window {
	const char *name;       /* for messages: "GIC distributor" */
	uint64_t base;
	uint64_t size;
};

/* The guest-physical windows in which the zone's interrupt controller is
 * emulated, which no memory region may cover; returns how many. Each takes
 * one of the zone's MAX_MMIO_HANDLERS. */
unsigned irqchip_config_windows(const struct zone_config *c,
				struct irqchip_window out[PLATFORM_IRQCHIP_WINDOWS]);

/* How many CPUs the machine has, as the root zone's config read back from
 * the hypervisor tells (its per-CPU windows cover all of them), or 0 if it
 * does not tell. For zone0's tools. */
unsigned irqchip_config_machine_cpus(const struct zone_config *root, const struct platform *plat);

/* Once plat->num_cpus is known: the machine's per-CPU windows and the root
 * zone's, which covers all of them, follow the CPU count. */
void irqchip_platform_set_cpus(struct platform *plat);

#endif
