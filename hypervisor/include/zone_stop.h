/* Stopping a zone: every CPU parks itself, the last one releases the zone. */
#ifndef ZONE_STOP_H
#define ZONE_STOP_H

#include <stdbool.h>

struct vcpu;
struct zone;

/* On a CPU of a stopping zone: quiesces the vCPU and parks the CPU (true);
 * false when there is nothing to do. */
bool zone_stop_this_cpu_if_asked(struct vcpu *vcpu);

#endif
