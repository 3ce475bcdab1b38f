#include <asm/vgic_state.h>

uint64_t vgic_lr_make(uint32_t intid, bool hw, uint8_t priority)
{
	uint64_t lr = LR_STATE_PENDING | LR_GROUP1 | (uint64_t)priority << LR_PRIORITY_SHIFT | intid;

	if (hw)
		lr |= LR_HW | (uint64_t)intid << LR_PINTID_SHIFT;
	return lr;
}

uint32_t vgic_lr_intid(uint64_t lr)
{
	return (uint32_t)lr;
}

bool vgic_lr_is_free(uint64_t lr)
{
	return (lr & LR_STATE_MASK) == 0;
}

struct vgic_bits vgic_lrs_bits(const uint64_t *lrs, unsigned num, uint32_t first)
{
	struct vgic_bits bits = { 0, 0 };

	for (unsigned i = 0; i < num; i++) {
		uint32_t intid = vgic_lr_intid(lrs[i]);
		if (vgic_lr_is_free(lrs[i]) || intid < first || intid - first >= 32)
			continue;
		if (lrs[i] & LR_STATE_PENDING)
			bits.pending |= 1u << (intid - first);
		if (lrs[i] & LR_STATE_ACTIVE)
			bits.active |= 1u << (intid - first);
	}
	return bits;
}

bool vgic_lrs_change_state(uint64_t *lrs, unsigned num, uint32_t intid, uint64_t set,
			   uint64_t clear)
{
	for (unsigned i = 0; i < num; i++) {
		if (vgic_lr_is_free(lrs[i]) || vgic_lr_intid(lrs[i]) != intid)
			continue;
		lrs[i] = (lrs[i] | (set & LR_STATE_MASK)) & ~(clear & LR_STATE_MASK);
		if (vgic_lr_is_free(lrs[i]))
			lrs[i] = 0;
		return true;
	}
	return false;
}

bool vgic_lrs_place(uint64_t *lrs, unsigned num, uint32_t intid, bool hw, uint8_t priority)
{
	int free_lr = -1;

	for (unsigned i = 0; i < num; i++) {
		if (vgic_lr_is_free(lrs[i])) {
			if (free_lr < 0)
				free_lr = (int)i;
		} else if (vgic_lr_intid(lrs[i]) == intid) {
			/* A virtual interrupt can be pending again while active; a
			 * hardware one cannot fire again until the guest ends it. */
			if (!(lrs[i] & LR_HW))
				lrs[i] |= LR_STATE_PENDING;
			return true;
		}
	}
	if (free_lr < 0)
		return false;
	lrs[free_lr] = vgic_lr_make(intid, hw, priority);
	return true;
}

bool vgic_queue_add(struct vgic_queue *q, uint32_t intid)
{
	uint64_t bit = 1ULL << (intid % 64);

	if (__atomic_fetch_or(&q->bits[intid / 64], bit, __ATOMIC_ACQ_REL) & bit)
		return false;
	__atomic_fetch_add(&q->count, 1, __ATOMIC_ACQ_REL);
	return true;
}

bool vgic_queue_remove(struct vgic_queue *q, uint32_t intid)
{
	uint64_t bit = 1ULL << (intid % 64);

	if (!(__atomic_fetch_and(&q->bits[intid / 64], ~bit, __ATOMIC_ACQ_REL) & bit))
		return false;
	__atomic_fetch_sub(&q->count, 1, __ATOMIC_ACQ_REL);
	return true;
}

uint32_t vgic_queue_count(const struct vgic_queue *q)
{
	return __atomic_load_n(&q->count, __ATOMIC_ACQUIRE);
}

uint32_t vgic_queue_bits32(const struct vgic_queue *q, uint32_t first)
{
	return (uint32_t)(__atomic_load_n(&q->bits[first / 64], __ATOMIC_ACQUIRE) >> (first % 64));
}

void vgic_queue_move_all(struct vgic_queue *to, struct vgic_queue *from)
{
	for (uint32_t intid = 0; intid < VGIC_MAX_INTID && vgic_queue_count(from); intid++)
		if (vgic_queue_remove(from, intid))
			vgic_queue_add(to, intid);
}

/* The scan ends once it has seen as many entries as the queue counts: most
 * often one SGI or PPI, in the first word. An entry added meanwhile may be
 * missed by this scan, never lost: it is taken by the next. */
static bool most_urgent(const struct vgic_queue *q, vgic_priority_fn priority, const void *ctx,
			uint32_t *found)
{
	uint32_t unseen = vgic_queue_count(q);
	bool any = false;
	uint8_t best = 0xff;

	for (uint32_t word = 0; word < BITMAP_WORDS(VGIC_MAX_INTID) && unseen; word++) {
		uint64_t bits = __atomic_load_n(&q->bits[word], __ATOMIC_ACQUIRE);
		for (; bits && unseen; bits &= bits - 1, unseen--) {
			uint32_t intid = word * 64 + (uint32_t)__builtin_ctzll(bits);
			uint8_t p = priority(ctx, intid);
			if (!any || p < best) {
				any = true;
				best = p;
				*found = intid;
			}
		}
	}
	return any;
}

static bool has_free_lr(const uint64_t *lrs, unsigned num)
{
	for (unsigned i = 0; i < num; i++)
		if (vgic_lr_is_free(lrs[i]))
			return true;
	return false;
}

uint32_t vgic_lrs_refill(uint64_t *lrs, unsigned num, struct vgic_queue *q,
			 vgic_priority_fn priority, const void *ctx)
{
	uint32_t intid;

	while (vgic_queue_count(q) && has_free_lr(lrs, num) && most_urgent(q, priority, ctx, &intid)) {
		if (vgic_queue_remove(q, intid))
			vgic_lrs_place(lrs, num, intid, vgic_is_hw(intid), priority(ctx, intid));
	}
	return vgic_queue_count(q);
}

struct vgic_bits vgic_guest_bits(struct vgic_bits physical, struct vgic_bits lrs,
				 uint32_t waiting)
{
	uint32_t known = lrs.pending | lrs.active | waiting;

	return (struct vgic_bits){
		.pending = physical.pending | lrs.pending | waiting,
		.active = lrs.active | (physical.active & ~known),
	};
}

uint32_t vgic_owned_mask_1bit(const uint32_t *owned, uint32_t first_intid)
{
	return owned[first_intid / 32];
}

/* Registers with `width` bits per interrupt hold 32 / width interrupts. */
static uint32_t owned_fields(const uint32_t *owned, uint32_t first_intid, unsigned width)
{
	uint32_t field = (1u << width) - 1;
	uint32_t mask = 0;

	for (unsigned i = 0; i < 32 / width; i++)
		if ((owned[(first_intid + i) / 32] >> ((first_intid + i) % 32)) & 1)
			mask |= field << (width * i);
	return mask;
}

uint32_t vgic_owned_mask_2bit(const uint32_t *owned, uint32_t first_intid)
{
	return owned_fields(owned, first_intid, 2);
}

uint32_t vgic_owned_mask_8bit(const uint32_t *owned, uint32_t first_intid)
{
	return owned_fields(owned, first_intid, 8);
}
