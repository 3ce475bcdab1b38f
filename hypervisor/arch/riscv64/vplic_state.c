/* The PLIC specification's behaviour for one zone: priorities, pending bits
 * fed by the gateways, per-context enables and thresholds, claim and
 * complete. A source the zone does not own, or one the board lacks, is not
 * wired as far as the zone can tell: it reads 0 everywhere. */
#include <asm/vplic_state.h>

#include "cstring.h"

/* The zone's sources among the 32 of enable or pending word `word`. */
static uint32_t usable_sources(const struct vplic_state *s, const struct vplic_owner *owner,
			       unsigned word)
{
	uint32_t first = word * 32;
	uint32_t mask = owner->sources[word];

	if (first >= s->num_sources)
		return 0;
	if (s->num_sources - first < 32)
		mask &= (1u << (s->num_sources - first)) - 1;
	if (word == 0)
		mask &= ~1u;    /* source 0 does not exist */
	return mask;
}

static bool source_usable(const struct vplic_state *s, const struct vplic_owner *owner,
			  uint32_t source)
{
	return source < PLIC_MAX_SOURCES &&
	       (usable_sources(s, owner, source / 32) >> (source % 32)) & 1;
}

static bool bit_test(const uint32_t *words, uint32_t source)
{
	return (words[source / 32] >> (source % 32)) & 1;
}

/* The S context a zone's access names, or NULL when it is not one of the
 * zone's harts' S contexts. */
static struct vplic_context *owned_context(struct vplic_state *s,
					   const struct vplic_owner *owner, uint64_t context,
					   unsigned *hart)
{
	if (context % 2 == 0 || context / 2 >= VPLIC_MAX_HARTS)
		return NULL;
	*hart = (unsigned)(context / 2);
	if (!((owner->harts >> *hart) & 1))
		return NULL;
	return &s->contexts[*hart];
}

/* The pending, enabled source of highest priority above the threshold,
 * the lowest id among equals; 0 if none. */
static uint32_t best_source(const struct vplic_state *s, const struct vplic_owner *owner,
			    const struct vplic_context *ctx)
{
	uint32_t best = 0;
	uint32_t best_priority = ctx->threshold;

	for (unsigned word = 0; word < PLIC_SOURCE_WORDS; word++) {
		uint32_t candidates = s->pending[word] & ctx->enable[word] &
				      usable_sources(s, owner, word);
		/* No __builtin_ctz: without Zbb it is a libgcc call, and the
		 * hypervisor links no libgcc. */
		for (unsigned bit = 0; bit < 32 && candidates >> bit; bit++) {
			uint32_t source = word * 32 + bit;
			if (((candidates >> bit) & 1) && s->priority[source] > best_priority) {
				best = source;
				best_priority = s->priority[source];
			}
		}
	}
	return best;
}

static uint32_t claim(struct vplic_state *s, const struct vplic_owner *owner,
		      const struct vplic_context *ctx)
{
	uint32_t source = best_source(s, owner, ctx);

	if (source) {
		s->pending[source / 32] &= ~(1u << (source % 32));
		s->in_service[source / 32] |= 1u << (source % 32);
	}
	return source;
}

/* The specification ignores a completion of a source not enabled for the
 * context, whichever context claimed it; one not in service has nothing to
 * complete. */
static void complete(struct vplic_state *s, const struct vplic_owner *owner,
		     const struct vplic_context *ctx, uint32_t source, struct vplic_effect *effect)
{
	uint32_t bit;

	if (!source_usable(s, owner, source) || !bit_test(s->in_service, source) ||
	    !bit_test(ctx->enable, source))
		return;
	bit = 1u << (source % 32);
	s->in_service[source / 32] &= ~bit;
	if (s->held[source / 32] & bit) {
		s->held[source / 32] &= ~bit;
		s->pending[source / 32] |= bit;
	}
	effect->completed = source;
}

void vplic_state_reset(struct vplic_state *s, uint32_t num_sources)
{
	memset(s, 0, sizeof(*s));
	s->num_sources = num_sources < PLIC_MAX_SOURCES ? num_sources : PLIC_MAX_SOURCES;
}

enum register_kind {
	REG_PRIORITY,       /* index: the source */
	REG_PENDING,        /* index: the word */
	REG_ENABLE,         /* index: the word, of `context` */
	REG_THRESHOLD,
	REG_CLAIM_COMPLETE,
	REG_RESERVED,
};

struct register_at {
	enum register_kind kind;
	uint32_t index;
	uint64_t context;
};

static struct register_at locate(uint64_t offset)
{
	const uint64_t enable_end = PLIC_ENABLE_BASE + (uint64_t)PLIC_ENABLE_STRIDE * PLIC_MAX_CONTEXTS;
	const uint64_t context_end =
		PLIC_CONTEXT_BASE + (uint64_t)PLIC_CONTEXT_STRIDE * PLIC_MAX_CONTEXTS;
	uint64_t in_context = offset % PLIC_CONTEXT_STRIDE;

	if (offset % 4)
		return (struct register_at){ .kind = REG_RESERVED };
	if (offset < PLIC_PENDING_BASE)
		return (struct register_at){ REG_PRIORITY, (uint32_t)(offset / 4), 0 };
	if (offset < PLIC_PENDING_BASE + 4 * PLIC_SOURCE_WORDS)
		return (struct register_at){ REG_PENDING, (uint32_t)(offset - PLIC_PENDING_BASE) / 4,
					     0 };
	if (offset >= PLIC_ENABLE_BASE && offset < enable_end)
		return (struct register_at){ REG_ENABLE,
					     (uint32_t)(offset % PLIC_ENABLE_STRIDE) / 4,
					     (offset - PLIC_ENABLE_BASE) / PLIC_ENABLE_STRIDE };
	if (offset < PLIC_CONTEXT_BASE || offset >= context_end ||
	    (in_context != PLIC_THRESHOLD && in_context != PLIC_CLAIM_COMPLETE))
		return (struct register_at){ .kind = REG_RESERVED };
	return (struct register_at){ in_context == PLIC_THRESHOLD ? REG_THRESHOLD
								   : REG_CLAIM_COMPLETE,
				     0, (offset - PLIC_CONTEXT_BASE) / PLIC_CONTEXT_STRIDE };
}

static bool names_a_context(enum register_kind kind)
{
	return kind == REG_ENABLE || kind == REG_THRESHOLD || kind == REG_CLAIM_COMPLETE;
}

enum vplic_result vplic_state_read(struct vplic_state *s, const struct vplic_owner *owner,
				   uint64_t offset, uint32_t *value)
{
	struct register_at reg = locate(offset);
	struct vplic_context *ctx = NULL;
	unsigned hart;

	*value = 0;
	if (names_a_context(reg.kind)) {
		ctx = owned_context(s, owner, reg.context, &hart);
		if (!ctx)
			return VPLIC_FOREIGN_CONTEXT;
	}
	switch (reg.kind) {
	case REG_PRIORITY:
		if (source_usable(s, owner, reg.index))
			*value = s->priority[reg.index];
		return VPLIC_DONE;
	case REG_PENDING:
		*value = s->pending[reg.index] & usable_sources(s, owner, reg.index);
		return VPLIC_DONE;
	case REG_ENABLE:
		*value = ctx->enable[reg.index] & usable_sources(s, owner, reg.index);
		return VPLIC_DONE;
	case REG_THRESHOLD:
		*value = ctx->threshold;
		return VPLIC_DONE;
	case REG_CLAIM_COMPLETE:
		*value = claim(s, owner, ctx);
		return VPLIC_DONE;
	case REG_RESERVED:
		break;
	}
	return VPLIC_RESERVED;
}

enum vplic_result vplic_state_write(struct vplic_state *s, const struct vplic_owner *owner,
				    uint64_t offset, uint32_t value, struct vplic_effect *effect)
{
	struct register_at reg = locate(offset);
	struct vplic_context *ctx = NULL;
	unsigned hart = 0;
	uint32_t mask;

	*effect = (struct vplic_effect){ .enable_hart = -1 };
	if (names_a_context(reg.kind)) {
		ctx = owned_context(s, owner, reg.context, &hart);
		if (!ctx)
			return VPLIC_FOREIGN_CONTEXT;
	}
	switch (reg.kind) {
	case REG_PRIORITY:
		if (source_usable(s, owner, reg.index))
			s->priority[reg.index] = (uint8_t)(value & VPLIC_MAX_PRIORITY);
		return VPLIC_DONE;
	case REG_PENDING:
		/* Read-only: only the gateways set pending bits. */
		return VPLIC_DONE;
	case REG_ENABLE:
		mask = usable_sources(s, owner, reg.index);
		ctx->enable[reg.index] = (ctx->enable[reg.index] & ~mask) | (value & mask);
		effect->enable_hart = (int)hart;
		effect->enable_word = reg.index;
		effect->enable_mask = mask;
		effect->enable_bits = value & mask;
		return VPLIC_DONE;
	case REG_THRESHOLD:
		ctx->threshold = value & VPLIC_MAX_PRIORITY;
		return VPLIC_DONE;
	case REG_CLAIM_COMPLETE:
		complete(s, owner, ctx, value, effect);
		return VPLIC_DONE;
	case REG_RESERVED:
		break;
	}
	return VPLIC_RESERVED;
}

bool vplic_state_raise(struct vplic_state *s, const struct vplic_owner *owner, uint32_t source)
{
	uint32_t bit = 1u << (source % 32);
	uint32_t *target;

	if (!source_usable(s, owner, source))
		return false;
	target = bit_test(s->in_service, source) ? s->held : s->pending;
	if (target[source / 32] & bit)
		return false;
	target[source / 32] |= bit;
	return true;
}

bool vplic_state_hart_pending(const struct vplic_state *s, const struct vplic_owner *owner,
			      unsigned hart)
{
	return hart < VPLIC_MAX_HARTS && (owner->harts >> hart) & 1 &&
	       best_source(s, owner, &s->contexts[hart]) != 0;
}

uint32_t vplic_state_deliverable(const struct vplic_state *s, const struct vplic_owner *owner)
{
	uint32_t harts = 0;

	for (unsigned hart = 0; hart < VPLIC_MAX_HARTS; hart++)
		if (vplic_state_hart_pending(s, owner, hart))
			harts |= 1u << hart;
	return harts;
}

void vplic_state_forget(struct vplic_state *s, const uint32_t sources[PLIC_SOURCE_WORDS])
{
	for (unsigned word = 0; word < PLIC_SOURCE_WORDS; word++) {
		uint32_t keep = ~sources[word];
		s->pending[word] &= keep;
		s->in_service[word] &= keep;
		s->held[word] &= keep;
		for (unsigned hart = 0; hart < VPLIC_MAX_HARTS; hart++)
			s->contexts[hart].enable[word] &= keep;
		for (unsigned bit = 0; bit < 32; bit++)
			if (!((keep >> bit) & 1))
				s->priority[word * 32 + bit] = 0;
	}
}
