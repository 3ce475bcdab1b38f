#ifndef ZONEPROBE_RV_VPLIC_CHECK_H
#define ZONEPROBE_RV_VPLIC_CHECK_H

/* zone0's sources and harts' contexts are out of reach; the zone's own
 * source and context work. `hart` is the hart running the checks. */
void check_vplic(unsigned hart);

#endif
