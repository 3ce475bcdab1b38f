/* riscv64: a zone owns PLIC sources, 1 and up (0 means "no interrupt"). */
#include "zone_interrupts.h"

const struct zone_interrupt_kind zone_interrupt_kind = { 1, "source", "sources" };
