// SPDX-License-Identifier: GPL-2.0
/*
 * The configs of the zones the hypervisor runs now (zone0 aside), for the
 * checks that must follow what the hypervisor knows, not what zone0 last
 * started: a zone may have stopped itself.
 */
#include <linux/io.h>
#include <linux/minmax.h>
#include <linux/slab.h>

#include <tessera/zone_config.h>

#include "hvisor.h"
#include "hypercall.h"

/* Far more than the hypervisor's zone slots; bounds the kernel buffer. */
#define ZONES_LISTED 64

int running_zone_any(bool (*test)(const struct zone_config *config, void *arg), void *arg)
{
	struct zone_info *zones = kcalloc(ZONES_LISTED, sizeof(*zones), GFP_KERNEL);
	struct zone_config *config = kzalloc(sizeof(*config), GFP_KERNEL);
	int found = 0;
	long n, i, err;

	if (!zones || !config) {
		found = -ENOMEM;
		goto out;
	}
	n = tessera_hypercall(HC_ZONE_LIST, virt_to_phys(zones), ZONES_LISTED);
	if (n < 0)
		found = (int)n;
	for (i = 0; i < min_t(long, n, ZONES_LISTED) && !found; i++) {
		if (zones[i].zone_id == 0)
			continue;
		err = tessera_hypercall(HC_ZONE_CONFIG_GET, zones[i].zone_id, virt_to_phys(config));
		/* A zone that stopped since the list holds nothing any more. */
		if (err == -ENOENT)
			continue;
		found = err ? (int)err : test(config, arg);
	}
out:
	kfree(config);
	kfree(zones);
	return found;
}
