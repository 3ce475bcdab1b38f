/* SMCCC checks that more than one bare-metal guest runs. */
#ifndef BAREMETAL_SMCCC_CHECK_H
#define BAREMETAL_SMCCC_CHECK_H

#include <stdint.h>

/* Whatever the firmware offers, a workaround reported as implemented (0 or
 * more) must return 0 when called with `arg`, and one reported
 * NOT_SUPPORTED must say so when called. */
void check_arch_workaround(const char *what, uint64_t fid, uint64_t arg);

#endif
