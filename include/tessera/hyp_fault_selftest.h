/* Test-only ABI of `make HV_SELFTEST=1` images: a hypercall that makes the
 * hypervisor itself fault, so that its fault report can be tested. The
 * default image has no such call (-ENOSYS, like every unknown code). */
#ifndef TESSERA_HYP_FAULT_SELFTEST_H
#define TESSERA_HYP_FAULT_SELFTEST_H

#define HC_SELFTEST_HYP_FAULT 0x7e57

#endif
