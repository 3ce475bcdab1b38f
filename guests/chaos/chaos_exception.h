/* The exceptions the chaos guest took, by exception class. */
#ifndef CHAOS_EXCEPTION_H
#define CHAOS_EXCEPTION_H

#include <stdint.h>

#define ESR_EC_COUNT 64

/* Called by vectors.S: the ELR to resume at. */
uint64_t chaos_exception(uint64_t esr, uint64_t elr);
uint64_t exceptions_total(void);
void print_exceptions(void);

#endif
