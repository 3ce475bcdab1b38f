/* What the root zone lends a zone for as long as it runs: the CPUs of its
 * own that the zone names (they must be powered off in zone0), its SPIs, and
 * its RAM, which leaves zone0's stage-2 unless the zone has virtio devices
 * (their back-ends in zone0 read the zone's queues in its RAM). */
#ifndef ZONE_LENDING_H
#define ZONE_LENDING_H

#include <stdbool.h>
#include <tessera/zone_config.h>

#include "config_check.h"

struct zone;

bool zone_has_virtio(const struct zone_config *config);
/* 0, or -HV_EBUSY when a CPU the zone wants is still online in zone0. */
int root_can_lend(const struct zone_config *config, struct config_error *e);
/* Takes the loan; 0, or -errno with nothing taken. Under zones_lock. */
int root_lend(struct zone *zone);
/* Returns what root_lend took: SPIs, RAM and the CPUs' membership. */
void root_take_back(struct zone *zone);

#endif
