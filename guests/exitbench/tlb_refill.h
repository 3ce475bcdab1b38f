/* The cost of a TLB refill: the first load from a page after the guest has
 * dropped its TLB. Under tessera each refill also walks the zone's stage-2
 * table, so against native the row shows what the second stage costs. */
#ifndef EXITBENCH_TLB_REFILL_H
#define EXITBENCH_TLB_REFILL_H

void measure_tlb_refill(void);

#endif
