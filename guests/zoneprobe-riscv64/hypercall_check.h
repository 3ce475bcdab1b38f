#ifndef ZONEPROBE_RV_HYPERCALL_CHECK_H
#define ZONEPROBE_RV_HYPERCALL_CHECK_H

/* zone0's hypercalls are refused, the ones any zone has answer. */
void check_hypercalls(void);

#endif
