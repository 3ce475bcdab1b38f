/* Checks built on the recording exception vector: accesses that must end in
 * a synchronous external abort, and operations that must raise nothing. */
#ifndef BAREMETAL_EXCEPTION_CHECK_H
#define BAREMETAL_EXCEPTION_CHECK_H

#include <stdbool.h>
#include <stdint.h>

/* Call after exception_clear() and the operation checked as `what`: if the
 * operation raised an exception, reports `what` as failed and returns true. */
bool failed_with_exception(const char *what);

void check_read_aborts(const char *what, uintptr_t addr);
void check_write_aborts(const char *what, uintptr_t addr, uint32_t value);

#endif
