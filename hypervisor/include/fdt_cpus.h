/* The CPUs a flattened device tree lists: the nodes directly under /cpus
 * whose device_type is "cpu", each identified by its reg (the hardware CPU
 * identifier: MPIDR's affinity fields on Arm), #address-cells of /cpus wide.
 * The blob is untrusted (fdt.h). */
#ifndef FDT_CPUS_H
#define FDT_CPUS_H

#include <stddef.h>
#include <stdint.h>

#include "platform.h"

struct fdt_cpus {
	unsigned listed;            /* CPU nodes in the tree */
	unsigned count;             /* of them in hw_ids: at most MAX_CPUS */
	uint64_t hw_ids[MAX_CPUS];  /* the boot CPU's first, then the tree's order */
};

/* NULL with *cpus filled in, or why the tree gives no usable list: it is
 * malformed or truncated, a CPU's reg is missing or of the wrong width, two
 * CPUs have the same reg, or it lists no CPU or not the boot CPU
 * (`boot_hw_id`). Of more than MAX_CPUS, the boot CPU and the first others
 * are kept. */
const char *fdt_cpus_read(const void *blob, size_t size, uint64_t boot_hw_id,
			  struct fdt_cpus *cpus);

#endif
