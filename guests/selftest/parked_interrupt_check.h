/* An interrupt of zone0's routed to its powered-off vCPU 1. */
#ifndef SELFTEST_PARKED_INTERRUPT_CHECK_H
#define SELFTEST_PARKED_INTERRUPT_CHECK_H

void check_parked_interrupt(void);

#endif
