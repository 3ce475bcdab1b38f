/* The hypervisor's controls of each hart (hart_controls.c). */
#ifndef ASM_HART_CONTROLS_H
#define ASM_HART_CONTROLS_H

#include <stdbool.h>

/* On the boot hart: what the harts implement (all harts are alike). */
void hart_controls_probe(void);
/* Whether the harts have Sstc with the firmware's leave (menvcfg.STCE):
 * the zones' timers need it. */
bool hart_has_sstc(void);
/* On every hart, once: delegations, counters, interrupt enables. */
void hart_controls_init(void);

#endif
