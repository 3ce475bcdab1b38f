/* Single operations that each leave the guest under tessera: a null
 * hypercall and reads of emulated distributor and redistributor registers.
 * Each is timed in batches alternating with batches of its QEMU floor, the
 * same kind of exception without EL2: an undefined instruction (under the
 * hypercall) and a load whose translation faults (under the MMIO reads),
 * both taken at EL1 by the shared vectors, which record the exception and
 * skip the instruction. Neither reaches EL2, though QEMU charges them a
 * little more under a stage-2 than natively (905 against 771 ns for the
 * exception, quiet host): each row is set against the floor measured in
 * the same machine. The host's speed, which drifts within seconds, moves a
 * row and the floor batch beside it together; so "<row>-above-floor", the
 * median of the batches' differences, is tessera's own share of the row
 * (printed under tessera only). */
#ifndef EXITBENCH_TRAP_ROWS_H
#define EXITBENCH_TRAP_ROWS_H

#include <stdbool.h>

#define HC_UNKNOWN 0x7777 /* no hypercall has this code: -ENOSYS at once */

/* Natively there is no hypercall row. Before irq_vectors_install(). */
void measure_trap_rows(bool tessera);

#endif
