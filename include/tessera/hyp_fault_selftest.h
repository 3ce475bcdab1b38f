/* Test-only ABI of `make HV_SELFTEST=1` images: hypercalls that make the
 * hypervisor itself fault, so that its fault report can be tested. The
 * default image has no such call (-ENOSYS, like every unknown code). */
#ifndef TESSERA_HYP_FAULT_SELFTEST_H
#define TESSERA_HYP_FAULT_SELFTEST_H

/* A read of memory the hypervisor's own map leaves out. */
#define HC_SELFTEST_HYP_FAULT      0x7e57
/* A recursion that runs the calling CPU's stack into its guard page. */
#define HC_SELFTEST_STACK_OVERFLOW 0x7e58

#endif
