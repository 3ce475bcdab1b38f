/* The interrupts a zone can own, as the CLI numbers and names them: the
 * architecture's (tools/cli/<arch>/zone_interrupts.c), GIC SPIs from 32 or
 * PLIC sources from 1. */
#ifndef ZONE_INTERRUPTS_H
#define ZONE_INTERRUPTS_H

struct zone_interrupt_kind {
	unsigned first;         /* the lowest one a zone can own */
	const char *name;       /* one of them, in `config show`: "spi" */
	const char *plural;     /* in `zone list --verbose`: "spis" */
};

extern const struct zone_interrupt_kind zone_interrupt_kind;

#endif
