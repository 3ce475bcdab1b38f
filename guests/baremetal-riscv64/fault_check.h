/* Checks built on the recording trap vector: accesses that must end in an
 * access fault, and operations that must raise nothing. */
#ifndef BAREMETAL_RV_FAULT_CHECK_H
#define BAREMETAL_RV_FAULT_CHECK_H

#include <stdbool.h>
#include <stdint.h>

/* Call after trap_clear() and the operation checked as `what`: if the
 * operation raised an exception, reports `what` as failed and returns true. */
bool failed_with_exception(const char *what);

void check_read_faults(const char *what, uintptr_t addr);
void check_write_faults(const char *what, uintptr_t addr, uint32_t value);

#endif
