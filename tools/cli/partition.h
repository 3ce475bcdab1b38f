/* Several zone configs side by side: which of them claims each CPU, each
 * physical memory range (RAM and IO regions; virtio regions are emulated,
 * not physical) and each SPI. Private interrupts (SGIs, PPIs) are per CPU
 * and never shared, so they are left out. */
#ifndef PARTITION_H
#define PARTITION_H

#include <stdio.h>
#include <tessera/zone_config.h>

#define PARTITION_MAX_ZONES 16

struct partition_zone {
	const struct zone_config *config;
	const char *label;
};

/* One line per CPU of the platform (num_cpus) and any other claimed CPU, per
 * claimed physical range and per claimed SPI range; a line claimed by more
 * than one zone ends in "CONFLICT". Returns the number of such lines. */
unsigned partition_print(FILE *out, const struct partition_zone zones[], unsigned count,
			 unsigned num_cpus);

#endif
