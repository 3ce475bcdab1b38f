#include "running_zones.h"

#include <errno.h>
#include <string.h>

#include "hvisor_device.h"

int running_zones_read(int fd, bool with_configs, struct running_zones *zones)
{
	memset(zones, 0, sizeof(*zones));
	int err = hvisor_zone_list(fd, zones->info, RUNNING_ZONES_MAX, &zones->count);
	if (err)
		return err;
	for (unsigned i = 0; i < zones->count; i++)
		zones->config_err[i] = with_configs ?
			hvisor_zone_config(fd, zones->info[i].zone_id, &zones->configs[i]) : ENODATA;
	return 0;
}

bool running_zones_all_configs(const struct running_zones *zones)
{
	for (unsigned i = 0; i < zones->count; i++)
		if (zones->config_err[i])
			return false;
	return true;
}
