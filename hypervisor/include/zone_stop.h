/* Stopping a zone: every CPU parks itself, the last one releases the zone. */
#ifndef ZONE_STOP_H
#define ZONE_STOP_H

#include <stdbool.h>

#include "vcpu.h"
#include "zone.h"

/* On a CPU of a stopping zone: quiesces the vCPU and parks the CPU (true);
 * false when there is nothing to do. */
bool zone_stop_this_cpu_if_asked(struct vcpu *vcpu);

/* At the end of every exit, before the guest resumes: a vCPU whose zone is
 * stopping parks instead. Inline, so that exits make no call for it while
 * the zone runs: under QEMU a call and its return are two jumps between
 * translation blocks. */
static inline void vcpu_exit_done(struct vcpu *vcpu)
{
	const struct zone *zone = __atomic_load_n(&vcpu->zone, __ATOMIC_ACQUIRE);

	if (zone && zone_is_stopping(zone) && zone_stop_this_cpu_if_asked(vcpu))
		cpu_run_or_park();
}

#endif
