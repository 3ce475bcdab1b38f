/* The rows that trap synchronously, each timed in batches alternating with
 * batches of QEMU's floor for an exception. */
#ifndef EXITBENCH_RV_TRAP_ROWS_H
#define EXITBENCH_RV_TRAP_ROWS_H

#include <stdbool.h>

/* No hypercall has this code: tessera answers -ENOSYS at once. */
#define HC_UNKNOWN 0x7777

void measure_trap_rows(bool tessera);

#endif
