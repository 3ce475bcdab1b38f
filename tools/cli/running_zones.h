/* The zones the hypervisor runs now, and (tessera only) their configs. */
#ifndef RUNNING_ZONES_H
#define RUNNING_ZONES_H

#include <stdbool.h>
#include <tessera/zone_config.h>

#define RUNNING_ZONES_MAX 32

struct running_zones {
	unsigned count;
	struct zone_info info[RUNNING_ZONES_MAX];
	/* 0 where configs[i] holds zone i's config, else the errno that
	 * hvisor_zone_config answered (ENOTTY under hvisor's module). */
	int config_err[RUNNING_ZONES_MAX];
	struct zone_config configs[RUNNING_ZONES_MAX];
};

/* Returns 0, or the errno of the zone list request. Without with_configs
 * every config_err is ENODATA. */
int running_zones_read(int fd, bool with_configs, struct running_zones *zones);

/* Whether every running zone's config could be read. */
bool running_zones_all_configs(const struct running_zones *zones);

#endif
