/* Validation of a zone configuration before anything acts on it: the same
 * checks for the root zone described by the platform and for zones that zone0
 * starts at run time. */
#ifndef CONFIG_CHECK_H
#define CONFIG_CHECK_H

#include <tessera/zone_config.h>

#include "platform.h"

#define MAX_ZONES 8

/* Returns 0, or -HV_EINVAL with *reason naming the first problem found. */
int zone_config_check(const struct zone_config *config, const struct platform *plat,
		      const char **reason);

#endif
