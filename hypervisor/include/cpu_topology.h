/* Which CPUs the machine has, decided once at boot. */
#ifndef CPU_TOPOLOGY_H
#define CPU_TOPOLOGY_H

#include <stdint.h>

/* On the boot CPU, before any other CPU starts: takes the CPUs from the
 * device tree at `host_dtb` (a physical address) into the platform
 * description, or keeps the board's table if the tree gives none. Either
 * way says so in the log. */
void cpu_topology_init(uint64_t host_dtb);

#endif
