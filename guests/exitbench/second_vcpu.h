/* vCPU 1, which only answers the SGI round trip's pings. */
#ifndef EXITBENCH_SECOND_VCPU_H
#define EXITBENCH_SECOND_VCPU_H

#include <stdbool.h>

#define SECOND_VCPU 1u

/* Powers vCPU 1 on; true once it takes interrupts. */
bool second_vcpu_start(void);

/* Powers it off again, so that it takes no host CPU time from the rows
 * after the round trip. */
void second_vcpu_stop(void);

#endif
