/* Single operations that each leave the guest under tessera: a null
 * hypercall and reads of emulated distributor and redistributor registers. */
#ifndef EXITBENCH_TRAP_ROWS_H
#define EXITBENCH_TRAP_ROWS_H

#define HC_UNKNOWN 0x7777 /* no hypercall has this code: -ENOSYS at once */

void measure_null_hypercall(void);
void measure_gicd_read(void);
void measure_gicr_read(void);

#endif
