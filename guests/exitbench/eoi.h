/* The cost of ICC_EOIR1_EL1 alone, for an SGI the vCPU sent itself and has
 * acknowledged: under tessera it should not leave the guest. */
#ifndef EXITBENCH_EOI_H
#define EXITBENCH_EOI_H

void measure_eoi(void);

#endif
