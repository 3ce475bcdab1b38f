/* Interrupts taken through irq_vectors, handed to the row they belong to. */
#ifndef EXITBENCH_IRQ_H
#define EXITBENCH_IRQ_H

#include <stdint.h>

/* Replaces the shared vectors, which take no interrupt, on this vCPU. */
void irq_vectors_install(void);

/* Called by irq_vectors.S with the counter read at the vector. */
void irq_handle(uint64_t entry_ticks);

#endif
