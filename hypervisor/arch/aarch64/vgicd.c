/* The distributor as a zone sees it: trap-and-emulate, where a zone reaches
 * only the INTIDs of its interrupt bitmap. Enable, pending, active, trigger
 * and routing state lives in the physical distributor, pending and active
 * completed by the list registers; priorities and the control register are
 * the zone's own. */
#include <asm/gicv3.h>
#include <asm/vgic.h>

#include "platform.h"
#include "spinlock.h"
#include "vcpu.h"
#include "zone.h"

#define CTLR_ENABLE_GROUPS  0x3u
#define CTLR_ARE            (1u << 4)
#define CTLR_DS             (1u << 6)
#define TYPER_MBIS          (1u << 16)
#define TYPER_LPIS          (1u << 17)
#define IROUTER_IRM         (1ULL << 31)
#define AFFINITY_MASK       0xff00ffffffULL

struct vgic_dist vgic_dists[MAX_ZONES];

/* Serialises read-modify-write of physical registers shared between zones. */
static spinlock_t physical_lock = SPINLOCK_INIT;

static uintptr_t physical(uint64_t offset)
{
	return platform_gic.gicd_base + offset;
}

static const uint32_t *owned(const struct vcpu *vcpu)
{
	return vcpu->zone->config.interrupts_bitmap;
}

/* ISENABLER .. ICACTIVER: one bit per INTID, write-1-to-set or -clear, so a
 * masked write leaves other zones' interrupts alone. Pending and active read
 * as the guest sees them (vgic_guest_state), not as the physical GIC holds
 * interrupts EL2 has acknowledged for it. */
static void bit_register(struct vcpu *vcpu, struct mmio_access *a, uint64_t offset)
{
	uint32_t first = (uint32_t)(offset % 0x80) * 8;
	uint32_t mask = first < VGIC_FIRST_SPI ? 0 : vgic_owned_mask_1bit(owned(vcpu), first);

	if (a->is_write) {
		gic_write32(physical(offset), (uint32_t)a->value & mask);
	} else if (offset < GICD_ISPENDR || !mask) {
		a->value = gic_read32(physical(offset)) & mask;
	} else {
		struct vgic_bits in_gic = {
			.pending = gic_read32(physical(GICD_ISPENDR + first / 8)) & mask,
			.active = gic_read32(physical(GICD_ISACTIVER + first / 8)) & mask,
		};
		struct vgic_bits seen = vgic_guest_state(vcpu, vcpu->cpu, first, in_gic);
		a->value = (offset < GICD_ISACTIVER ? seen.pending : seen.active) & mask;
	}
}

static void config_register(struct vcpu *vcpu, struct mmio_access *a, uint64_t offset)
{
	uint32_t first = (uint32_t)(offset - GICD_ICFGR) * 4;
	uint32_t mask = first < VGIC_FIRST_SPI ? 0 : vgic_owned_mask_2bit(owned(vcpu), first);

	if (!a->is_write) {
		a->value = gic_read32(physical(offset)) & mask;
		return;
	}
	spin_lock(&physical_lock);
	uint32_t old = gic_read32(physical(offset));
	gic_write32(physical(offset), (old & ~mask) | ((uint32_t)a->value & mask));
	spin_unlock(&physical_lock);
}

static void priority_register(struct vcpu *vcpu, struct mmio_access *a, uint64_t offset)
{
	uint8_t *priority = vgic_dists[zone_slot(vcpu->zone)].priority;
	uint32_t first = (uint32_t)(offset - GICD_IPRIORITYR);

	if (!a->is_write)
		a->value = 0;
	for (unsigned i = 0; i < a->size; i++) {
		uint32_t intid = first + i;
		if (intid < VGIC_FIRST_SPI || intid >= VGIC_MAX_INTID ||
		    !zone_owns_interrupt(vcpu->zone, intid))
			continue;
		if (a->is_write)
			priority[intid] = (uint8_t)(a->value >> (8 * i));
		else
			a->value |= (uint64_t)priority[intid] << (8 * i);
	}
}

/* Routing may only name the zone's own CPUs; "any CPU" means its first. */
static uint64_t physical_route(struct vcpu *vcpu, uint64_t requested)
{
	struct vcpu *target = NULL;

	if (!(requested & IROUTER_IRM))
		target = zone_vcpu_by_hw_id(vcpu->zone, requested & AFFINITY_MASK);
	if (!target)
		target = zone_vcpu_by_hw_id(vcpu->zone,
					    platform.cpu_hw_ids[__builtin_ctzll(vcpu->zone->cpus)]);
	return vcpu_hw_id(target) & AFFINITY_MASK;
}

static void route_register(struct vcpu *vcpu, struct mmio_access *a, uint64_t offset)
{
	uint32_t intid = (uint32_t)(offset - GICD_IROUTER) / 8;
	bool high_half = offset % 8 != 0;

	if (intid < VGIC_FIRST_SPI || !zone_owns_interrupt(vcpu->zone, intid)) {
		if (!a->is_write)
			a->value = 0;
		return;
	}
	uintptr_t reg = physical(GICD_IROUTER + intid * 8);
	if (!a->is_write) {
		uint64_t route = gic_read64(reg);
		a->value = high_half ? route >> 32 : (a->size == 8 ? route : (uint32_t)route);
		return;
	}
	uint64_t requested = a->value;
	if (a->size == 4) {
		uint64_t current = gic_read64(reg);
		requested = high_half ? (current & 0xffffffffULL) | a->value << 32
				      : (current & ~0xffffffffULL) | a->value;
	}
	gic_write64(reg, physical_route(vcpu, requested));
}

/* Every interrupt is Group 1, the only group a non-secure guest uses. */
static void group_register(struct vcpu *vcpu, struct mmio_access *a, uint64_t offset)
{
	uint32_t first = (uint32_t)(offset - GICD_IGROUPR) * 8;

	if (!a->is_write)
		a->value = first < VGIC_FIRST_SPI ? 0 : vgic_owned_mask_1bit(owned(vcpu), first);
}

/* SPIs taken while EnableGrp1 is 0 wait in their vCPU (vgic_inject_hw);
 * setting it releases them. */
static void control_register(struct vcpu *vcpu, struct mmio_access *a)
{
	struct vgic_dist *d = &vgic_dists[zone_slot(vcpu->zone)];
	uint32_t old;

	if (!a->is_write) {
		a->value = __atomic_load_n(&d->ctlr, __ATOMIC_ACQUIRE) | CTLR_ARE | CTLR_DS;
		return;
	}
	old = __atomic_exchange_n(&d->ctlr, (uint32_t)a->value & CTLR_ENABLE_GROUPS,
				  __ATOMIC_ACQ_REL);
	if (!(old & VGIC_CTLR_ENABLE_GRP1) && (a->value & VGIC_CTLR_ENABLE_GRP1))
		vgic_release_held_spis(vcpu);
}

static bool in_block(uint64_t offset, uint64_t base, uint64_t size)
{
	return offset >= base && offset < base + size;
}

/* The distributor's registers are 32-bit; GICD_IPRIORITYR is byte-accessible
 * too, and GICD_IROUTER is 64-bit or two 32-bit halves (Arm IHI 0069). An
 * access of another width reads as zero and ignores writes. */
static bool width_supported(uint64_t offset, unsigned size)
{
	if (in_block(offset, GICD_IPRIORITYR, 0x400))
		return size == 1 || size == 4;
	if (in_block(offset, GICD_IROUTER, 0x2000))
		return size == 4 || size == 8;
	return size == 4;
}

bool vgicd_access(struct vcpu *vcpu, struct mmio_access *a, void *opaque)
{
	uint64_t offset = a->addr - (uintptr_t)opaque;

	if (!width_supported(offset, a->size)) {
		if (!a->is_write)
			a->value = 0;
	} else if (offset == GICD_CTLR)
		control_register(vcpu, a);
	else if (offset == GICD_TYPER && !a->is_write)
		a->value = gicv3_distributor_typer() & ~(TYPER_LPIS | TYPER_MBIS);
	else if ((offset == GICD_IIDR || offset == GICD_TYPER2 || offset >= GICD_ID_REGS) &&
		 !a->is_write)
		a->value = gic_read32(physical(offset));
	else if (in_block(offset, GICD_IGROUPR, 0x80))
		group_register(vcpu, a, offset);
	else if (in_block(offset, GICD_ISENABLER, GICD_IPRIORITYR - GICD_ISENABLER))
		bit_register(vcpu, a, offset);
	else if (in_block(offset, GICD_IPRIORITYR, 0x400))
		priority_register(vcpu, a, offset);
	else if (in_block(offset, GICD_ICFGR, 0x100))
		config_register(vcpu, a, offset);
	else if (in_block(offset, GICD_IROUTER, 0x2000))
		route_register(vcpu, a, offset);
	else if (!a->is_write)
		a->value = 0;
	return true;
}
