/* Virtual GIC state that is pure logic, tested on the host: list-register
 * values, the per-vCPU queue of interrupts waiting for a free list register,
 * and the ownership masks that filter a zone's register accesses. */
#ifndef ASM_VGIC_STATE_H
#define ASM_VGIC_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "bitmap.h"

#define VGIC_MAX_INTID      1024
#define VGIC_MAX_LRS        16
#define VGIC_FIRST_PPI      16
#define VGIC_FIRST_SPI      32

/* ICH_LR<n>_EL2 */
#define LR_STATE_MASK       (3ULL << 62)
#define LR_STATE_PENDING    (1ULL << 62)
#define LR_STATE_ACTIVE     (2ULL << 62)
#define LR_HW               (1ULL << 61)
#define LR_GROUP1           (1ULL << 60)
#define LR_PRIORITY_SHIFT   48
#define LR_PINTID_SHIFT     32

/* Interrupts waiting for a list register. A set of INTIDs, not a FIFO: an
 * interrupt is queued at most once, so none is delivered twice. Other CPUs
 * add to it (SGIs), so every update is atomic. */
struct vgic_queue {
	uint64_t bits[BITMAP_WORDS(VGIC_MAX_INTID)];
	uint32_t count;
};

typedef uint8_t (*vgic_priority_fn)(const void *ctx, uint32_t intid);

/* Pending and active bits of 32 consecutive INTIDs, as GICD/GICR_ISPENDR
 * and ISACTIVER lay them out. */
struct vgic_bits {
	uint32_t pending;
	uint32_t active;
};

uint64_t vgic_lr_make(uint32_t intid, bool hw, uint8_t priority);
uint32_t vgic_lr_intid(uint64_t lr);
bool vgic_lr_is_free(uint64_t lr);

/* The state the list registers hold of the 32 INTIDs from `first`. */
struct vgic_bits vgic_lrs_bits(const uint64_t *lrs, unsigned num, uint32_t first);

/* Sets then clears LR_STATE_* bits of the list register holding `intid`; one
 * left neither pending nor active is freed. False when none holds it. */
bool vgic_lrs_change_state(uint64_t *lrs, unsigned num, uint32_t intid, uint64_t set,
			   uint64_t clear);

/* Puts an interrupt into a free list register, or merges it with the one
 * already holding it. False when every list register is busy. */
bool vgic_lrs_place(uint64_t *lrs, unsigned num, uint32_t intid, bool hw, uint8_t priority);

bool vgic_queue_add(struct vgic_queue *q, uint32_t intid);
bool vgic_queue_remove(struct vgic_queue *q, uint32_t intid);
uint32_t vgic_queue_count(const struct vgic_queue *q);
/* The queued INTIDs among the 32 from `first`, a multiple of 32. */
uint32_t vgic_queue_bits32(const struct vgic_queue *q, uint32_t first);
/* Moves every interrupt of `from` into `to`. */
void vgic_queue_move_all(struct vgic_queue *to, struct vgic_queue *from);
/* Moves queued interrupts into free list registers, most urgent (lowest
 * priority value) first. Returns how many are still queued. */
uint32_t vgic_lrs_refill(uint64_t *lrs, unsigned num, struct vgic_queue *q,
			 vgic_priority_fn priority, const void *ctx);

/* Interrupts at or above VGIC_FIRST_PPI are linked to a physical interrupt. */
static inline bool vgic_is_hw(uint32_t intid)
{
	return intid >= VGIC_FIRST_PPI;
}

/* What the guest reads of interrupts that are `physical` in the GIC, in the
 * reader's list registers as `lrs`, and `waiting` (queued or held) for a
 * list register. A hardware-linked interrupt is active in the physical GIC
 * from the moment EL2 acknowledged it: only its list register, or its wait
 * for one, tells whether the guest has acknowledged it yet. */
struct vgic_bits vgic_guest_bits(struct vgic_bits physical, struct vgic_bits lrs,
				 uint32_t waiting);

/* Masks of a zone's interrupts within one register, for registers with 1, 2
 * or 8 bits per interrupt (enable/pending/active, config, priority). */
uint32_t vgic_owned_mask_1bit(const uint32_t *owned, uint32_t first_intid);
uint32_t vgic_owned_mask_2bit(const uint32_t *owned, uint32_t first_intid);
uint32_t vgic_owned_mask_8bit(const uint32_t *owned, uint32_t first_intid);

#endif
