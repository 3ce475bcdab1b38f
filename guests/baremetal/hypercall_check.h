/* Hypercall checks that more than one bare-metal guest runs. */
#ifndef BAREMETAL_HYPERCALL_CHECK_H
#define BAREMETAL_HYPERCALL_CHECK_H

#include <stdint.h>

void check_hypercall_returns(const char *what, uint64_t code, uint64_t arg0, uint64_t arg1,
			     long want);

/* ConfigCheck must write the config magic into the caller's own memory. */
void check_config_magic(void);

#endif
