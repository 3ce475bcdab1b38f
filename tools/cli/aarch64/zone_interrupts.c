/* aarch64: a zone owns GICv3 SPIs, INTIDs 32 and up. */
#include "zone_interrupts.h"

const struct zone_interrupt_kind zone_interrupt_kind = { 32, "spi", "spis" };
