/* Starting a guest's second vCPU on a stack of its own. */
#ifndef BAREMETAL_SECONDARY_H
#define BAREMETAL_SECONDARY_H

#include <stdint.h>

/* Read by secondary.S; CPU_ON's context argument points at it. */
struct secondary_start {
	uint64_t stack_top;
	void (*main)(void);   /* never returns */
};

/* The entry point to pass to CPU_ON. */
void secondary_entry(void);

#endif
