/* A zone's virtual PLIC as pure logic, tested on the host: its registers as
 * the PLIC specification defines them, filtered by what the zone owns. */
#ifndef ASM_VPLIC_STATE_H
#define ASM_VPLIC_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include <asm/plic_layout.h>

/* Harts whose S context a vPLIC can hold: hart ids 0 .. VPLIC_MAX_HARTS-1. */
#define VPLIC_MAX_HARTS     8
/* Priorities and thresholds keep 3 bits, as QEMU virt's PLIC does (the
 * registers are WARL). The physical priorities are all 1: only these order
 * a zone's interrupts. */
#define VPLIC_MAX_PRIORITY  7

/* What a zone may touch: its sources and the S contexts of its harts. */
struct vplic_owner {
	uint32_t sources[PLIC_SOURCE_WORDS];    /* bit n: source n (interrupts_bitmap) */
	uint32_t harts;                         /* bit h: hart id h */
};

struct vplic_context {
	uint32_t enable[PLIC_SOURCE_WORDS];
	uint32_t threshold;
};

struct vplic_state {
	uint32_t num_sources;                   /* sources 1 .. num_sources-1 exist */
	uint8_t priority[PLIC_MAX_SOURCES];
	uint32_t pending[PLIC_SOURCE_WORDS];
	/* Claimed and not yet completed: the gateway forwards no new request. */
	uint32_t in_service[PLIC_SOURCE_WORDS];
	/* Raised while in service: the gateway's request, pending at completion. */
	uint32_t held[PLIC_SOURCE_WORDS];
	struct vplic_context contexts[VPLIC_MAX_HARTS];     /* hart h's S context */
};

enum vplic_result {
	VPLIC_DONE,             /* as the specification defines it (maybe reads 0) */
	VPLIC_FOREIGN_CONTEXT,  /* an M context, or the S context of a hart not the zone's */
	VPLIC_RESERVED,         /* no register there */
};

/* What a register access did that the physical PLIC must follow. */
struct vplic_effect {
	/* The enable word `enable_word` of hart `enable_hart`'s S context
	 * changed, -1 if none did: `enable_bits` of its `enable_mask` (the
	 * zone's sources in it) are now enabled. */
	int enable_hart;
	unsigned enable_word;
	uint32_t enable_mask;
	uint32_t enable_bits;
	uint32_t completed;     /* a source the zone completed, or 0 */
};

/* Reset values: every priority, pending bit, enable and threshold 0. */
void vplic_state_reset(struct vplic_state *s, uint32_t num_sources);

/* A 4-byte register access at `offset` in the PLIC window. What the zone
 * does not own reads 0 and ignores writes. A read of a claim register
 * claims. */
enum vplic_result vplic_state_read(struct vplic_state *s, const struct vplic_owner *owner,
				   uint64_t offset, uint32_t *value);
enum vplic_result vplic_state_write(struct vplic_state *s, const struct vplic_owner *owner,
				    uint64_t offset, uint32_t value, struct vplic_effect *effect);

/* The source signals a request: pending, or held while in service. False
 * when the zone does not own it or nothing changed. */
bool vplic_state_raise(struct vplic_state *s, const struct vplic_owner *owner, uint32_t source);

/* Whether hart `hart`'s S context, if the zone's, has an interrupt to take:
 * a pending, enabled source with a priority above its threshold. */
bool vplic_state_hart_pending(const struct vplic_state *s, const struct vplic_owner *owner,
			      unsigned hart);
/* The zone's harts whose S context has one, as a mask of hart ids. */
uint32_t vplic_state_deliverable(const struct vplic_state *s, const struct vplic_owner *owner);

/* Another zone takes `sources` (bit n: source n): whatever this zone had
 * set of them returns to its reset value, so that none of it reappears
 * when they come back. */
void vplic_state_forget(struct vplic_state *s, const uint32_t sources[PLIC_SOURCE_WORDS]);

#endif
