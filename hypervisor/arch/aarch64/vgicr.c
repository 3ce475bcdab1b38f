/* Redistributors as a zone sees them: the frames of its own CPUs; the frames
 * of other CPUs in its window read as zero. SGIs are virtual (the physical
 * ones belong to the hypervisor); PPIs a guest may receive are passed
 * through to the physical redistributor, their pending and active state
 * read as the guest's list registers hold it. */
#include <asm/gicv3.h>
#include <asm/vgic.h>

#include "platform.h"
#include "util.h"
#include "vcpu.h"
#include "zone.h"

#define FRAME_SIZE          0x20000
#define TYPER_PLPIS         (1ULL << 0)
#define TYPER_VLPIS         (1ULL << 1)
#define TYPER_DIRECT_LPI    (1ULL << 3)
#define SGI_MASK            0xffffu
#define ICFGR0_SGIS_EDGE    0xaaaaaaaau

static int cpu_of_frame(uint64_t frame)
{
	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
		if (gicv3_redistributor(cpu) == frame)
			return (int)cpu;
	return -1;
}

/* Last is set on the frame of the zone's highest CPU: the guest's walk
 * then ends inside its own device tree's redistributor region, however much
 * of the window that region covers. */
static uint64_t typer(unsigned cpu, uint64_t zone_cpus)
{
	bool last = (zone_cpus >> cpu) == 1;
	uint64_t value = gicv3_redistributor_typer(cpu) &
			 ~(TYPER_PLPIS | TYPER_VLPIS | TYPER_DIRECT_LPI | GICR_TYPER_LAST);

	return value | (last ? GICR_TYPER_LAST : 0);
}

static bool is_id_register(uint64_t offset)
{
	return offset == GICR_IIDR || (offset >= GICR_ID_REGS && offset < GICR_SGI_OFFSET);
}

static void rd_base(struct mmio_access *a, unsigned cpu, uint64_t frame, uint64_t offset,
		    uint64_t zone_cpus)
{
	struct vgic_cpu *vc = &vgic_cpus[cpu];

	if (offset == GICR_WAKER) {
		if (a->is_write)
			vc->waker = (uint32_t)a->value & GICR_WAKER_PROCESSOR_SLEEP;
		else
			a->value = vc->waker | (vc->waker ? GICR_WAKER_CHILDREN_ASLEEP : 0);
	} else if (a->is_write) {
		return;
	} else if (offset == GICR_TYPER) {
		uint64_t value = typer(cpu, zone_cpus);
		a->value = a->size == 8 ? value : (uint32_t)value;
	} else if (offset == GICR_TYPER + 4) {
		a->value = typer(cpu, zone_cpus) >> 32;
	} else if (is_id_register(offset)) {
		a->value = gic_read32(frame + offset);
	} else {
		a->value = 0;
	}
}

static void enable_register(struct vcpu *vcpu, struct mmio_access *a, unsigned cpu, uintptr_t reg,
			    bool set)
{
	uint32_t sgis = (uint32_t)a->value & SGI_MASK;

	if (!a->is_write) {
		a->value = (gic_read32(reg) & VGIC_GUEST_PPIS) | vgic_sgis_enabled(cpu);
		return;
	}
	gic_write32(reg, (uint32_t)a->value & VGIC_GUEST_PPIS);
	if (set)
		vgic_sgis_enable(vcpu, cpu, sgis);
	else
		vgic_sgis_disable(vcpu, cpu, sgis);
}

/* GICR_ISPENDR0 .. ICACTIVER0: SGIs are the vCPU's virtual ones, PPIs the
 * physical redistributor's as the guest sees them through its list
 * registers (vgic_guest_state). */
static void pending_active_register(struct vcpu *vcpu, struct mmio_access *a, unsigned cpu,
				    uintptr_t sgi_page, uint64_t offset)
{
	uint32_t sgis = (uint32_t)a->value & SGI_MASK;

	if (!a->is_write) {
		struct vgic_bits physical = {
			.pending = gic_read32(sgi_page + GICR_ISPENDR0) & VGIC_GUEST_PPIS,
			.active = gic_read32(sgi_page + GICR_ISACTIVER0) & VGIC_GUEST_PPIS,
		};
		struct vgic_bits seen = vgic_guest_state(vcpu, cpu, 0, physical);
		bool pending = offset == GICR_ISPENDR0 || offset == GICR_ICPENDR0;
		a->value = (pending ? seen.pending : seen.active) & (SGI_MASK | VGIC_GUEST_PPIS);
		return;
	}
	gic_write32(sgi_page + offset, (uint32_t)a->value & VGIC_GUEST_PPIS);
	if (offset == GICR_ISPENDR0)
		vgic_sgis_set_pending(vcpu, cpu, sgis);
	else if (offset == GICR_ICPENDR0)
		vgic_sgis_clear_pending(vcpu, cpu, sgis);
	else if (offset == GICR_ISACTIVER0)
		vgic_sgis_set_active(vcpu, cpu, sgis);
	else
		vgic_sgis_clear_active(vcpu, cpu, sgis);
}

static void sgi_base(struct vcpu *vcpu, struct mmio_access *a, unsigned cpu, uint64_t frame,
		     uint64_t offset)
{
	struct vgic_cpu *vc = &vgic_cpus[cpu];
	uintptr_t sgi_page = frame + GICR_SGI_OFFSET;
	uintptr_t reg = sgi_page + offset;

	if (range_contains(GICR_IPRIORITYR, VGIC_FIRST_SPI, offset, a->size)) {
		for (unsigned i = 0; i < a->size; i++) {
			uint32_t intid = (uint32_t)(offset - GICR_IPRIORITYR) + i;
			if (a->is_write)
				vc->priority[intid] = (uint8_t)(a->value >> (8 * i));
			else
				a->value = (i ? a->value : 0) | (uint64_t)vc->priority[intid] << (8 * i);
		}
		return;
	}
	switch (offset) {
	case GICR_IGROUPR0:
		if (!a->is_write)
			a->value = SGI_MASK | VGIC_GUEST_PPIS;
		break;
	case GICR_ISENABLER0:
	case GICR_ICENABLER0:
		enable_register(vcpu, a, cpu, reg, offset == GICR_ISENABLER0);
		break;
	case GICR_ISPENDR0:
	case GICR_ICPENDR0:
	case GICR_ISACTIVER0:
	case GICR_ICACTIVER0:
		pending_active_register(vcpu, a, cpu, sgi_page, offset);
		break;
	case GICR_ICFGR0:
		if (!a->is_write)
			a->value = ICFGR0_SGIS_EDGE;
		break;
	case GICR_ICFGR1:
		if (!a->is_write)
			a->value = gic_read32(reg);
		break;
	default:
		if (!a->is_write)
			a->value = 0;
		break;
	}
}

/* Redistributor registers are 32-bit; GICR_TYPER is 64-bit or two 32-bit
 * halves and GICR_IPRIORITYR byte-accessible too (Arm IHI 0069). An access
 * of another width reads as zero and ignores writes. */
static bool width_supported(uint64_t offset, unsigned size)
{
	if (offset == GICR_TYPER)
		return size == 4 || size == 8;
	if (offset >= GICR_SGI_OFFSET + GICR_IPRIORITYR &&
	    offset < GICR_SGI_OFFSET + GICR_IPRIORITYR + VGIC_FIRST_SPI)
		return size == 1 || size == 4;
	return size == 4;
}

bool vgicr_access(struct vcpu *vcpu, struct mmio_access *a, void *opaque)
{
	const struct gicv3_config *gic = opaque;
	uint64_t in_region = a->addr - gic->gicr_base;
	uint64_t frame = gic->gicr_base + in_region / FRAME_SIZE * FRAME_SIZE;
	uint64_t offset = in_region % FRAME_SIZE;
	int cpu = cpu_of_frame(frame);

	if (!width_supported(offset, a->size)) {
		if (!a->is_write)
			a->value = 0;
		return true;
	}
	if (cpu < 0 || !(vcpu->zone->cpus & BIT(cpu))) {
		/* Identification stays readable in every frame: a guest checks
		 * the first frame of its region before walking to its own. */
		if (!a->is_write)
			a->value = is_id_register(offset) && cpu >= 0
					   ? gic_read32(frame + offset) : 0;
		return true;
	}
	if (offset < GICR_SGI_OFFSET)
		rd_base(a, (unsigned)cpu, frame, offset,
			__atomic_load_n(&vcpu->zone->cpus, __ATOMIC_ACQUIRE));
	else
		sgi_base(vcpu, a, (unsigned)cpu, frame, offset - GICR_SGI_OFFSET);
	return true;
}
