/* The virtual CPU interface: list registers, the queue behind them, SGIs
 * between vCPUs, and a vCPU's interrupt state at reset. */
#include <asm/gicv3.h>
#include <asm/sysreg.h>
#include <asm/vgic.h>

#include "arch.h"
#include "cstring.h"
#include "util.h"
#include "vcpu.h"
#include "zone.h"

#define ICH_HCR_EN   (1ULL << 0)
#define ICH_HCR_UIE  (1ULL << 1)

#define CNT_CTL_ENABLE  (1ULL << 0)
#define CNT_CTL_IMASK   (1ULL << 1)
#define CNT_CTL_ISTATUS (1ULL << 2)

#define SGI1R_TARGET_LIST(v) ((v) & 0xffff)
#define SGI1R_AFF1(v)        (((v) >> 16) & 0xff)
#define SGI1R_INTID(v)       ((uint32_t)((v) >> 24) & 0xf)
#define SGI1R_AFF2(v)        (((v) >> 32) & 0xff)
#define SGI1R_IRM            (1ULL << 40)
#define SGI1R_RS(v)          (((v) >> 44) & 0xf)
#define SGI1R_AFF3(v)        (((v) >> 48) & 0xff)

struct vgic_cpu vgic_cpus[MAX_CPUS];

#define LR_CASE(n, reg) \
	case n: \
		if (write) \
			write_sysreg(reg, *value); \
		else \
			*value = read_sysreg(reg); \
		break

static void lr_access(unsigned n, uint64_t *value, bool write)
{
	switch (n) {
	LR_CASE(0, S3_4_C12_C12_0); LR_CASE(1, S3_4_C12_C12_1);
	LR_CASE(2, S3_4_C12_C12_2); LR_CASE(3, S3_4_C12_C12_3);
	LR_CASE(4, S3_4_C12_C12_4); LR_CASE(5, S3_4_C12_C12_5);
	LR_CASE(6, S3_4_C12_C12_6); LR_CASE(7, S3_4_C12_C12_7);
	LR_CASE(8, S3_4_C12_C13_0); LR_CASE(9, S3_4_C12_C13_1);
	LR_CASE(10, S3_4_C12_C13_2); LR_CASE(11, S3_4_C12_C13_3);
	LR_CASE(12, S3_4_C12_C13_4); LR_CASE(13, S3_4_C12_C13_5);
	LR_CASE(14, S3_4_C12_C13_6); LR_CASE(15, S3_4_C12_C13_7);
	default:
		break;
	}
}

/* Under emulation each access to a GIC system register is costly (QEMU
 * serialises them), so the exit paths read what never changes once, and
 * only the list registers ICH_ELRSR_EL2 says are in use. */
static unsigned num_lrs(void)
{
	static unsigned count;

	if (!count)
		count = (unsigned)(read_sysreg(ICH_VTR_EL2) & 0x1f) + 1;
	return count;
}

/* An empty list register reads as 0, whatever stale bits it holds. */
static void read_lrs(uint64_t *lrs, unsigned n)
{
	uint64_t empty = read_sysreg(ICH_ELRSR_EL2);

	for (unsigned i = 0; i < n; i++) {
		lrs[i] = 0;
		if (!(empty & BIT(i)))
			lr_access(i, &lrs[i], false);
	}
}

static void write_changed_lrs(const uint64_t *lrs, const uint64_t *before, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (lrs[i] != before[i])
			lr_access(i, (uint64_t *)&lrs[i], true);
}

static uint8_t vcpu_priority(const void *ctx, uint32_t intid)
{
	const struct vcpu *vcpu = ctx;

	if (intid >= VGIC_MAX_INTID)
		return 0xff;
	if (intid < VGIC_FIRST_SPI)
		return vgic_cpus[vcpu->cpu].priority[intid];
	return vgic_dists[zone_slot(vcpu->zone)].priority[intid];
}

static bool is_timer(uint32_t intid)
{
	return intid == INTID_VIRT_TIMER || intid == INTID_PHYS_TIMER;
}

static void set_underflow_interrupt(struct vgic_cpu *vc, bool enable)
{
	if (vc->underflow_interrupt == enable)
		return;
	vc->underflow_interrupt = enable;
	write_sysreg(ICH_HCR_EL2, ICH_HCR_EN | (enable ? ICH_HCR_UIE : 0));
}

bool vgic_guest_receives(const struct vcpu *vcpu, uint32_t intid)
{
	if (intid < VGIC_FIRST_PPI)
		return false;
	if (intid < VGIC_FIRST_SPI)
		return (VGIC_GUEST_PPIS >> intid) & 1;
	return zone_owns_interrupt(vcpu->zone, intid);
}

static bool distributor_enabled(const struct zone *zone)
{
	return __atomic_load_n(&vgic_dists[zone_slot(zone)].ctlr, __ATOMIC_ACQUIRE) &
	       VGIC_CTLR_ENABLE_GRP1;
}

/* Queued only: the vgic_sync every exit ends with moves it into a list
 * register, so the list registers are read and written once per exit. */
void vgic_inject_hw(struct vcpu *vcpu, uint32_t intid)
{
	struct vgic_cpu *vc = &vgic_cpus[vcpu->cpu];
	bool held = intid >= VGIC_FIRST_SPI && !distributor_enabled(vcpu->zone);

	vgic_queue_add(held ? &vc->held : &vc->queue, intid);
}

/* The timer interrupt is level-sensitive: once the guest masks or disables
 * the timer, an interrupt it has not taken yet must disappear. */
static bool timer_level(uint32_t intid)
{
	uint64_t ctl = intid == INTID_VIRT_TIMER ? read_sysreg(cntv_ctl_el0) : read_sysreg(cntp_ctl_el0);

	return (ctl & (CNT_CTL_ENABLE | CNT_CTL_IMASK | CNT_CTL_ISTATUS)) ==
	       (CNT_CTL_ENABLE | CNT_CTL_ISTATUS);
}

static bool drop_stale_timer_interrupts(uint64_t *lrs, unsigned n)
{
	bool still_there = false;

	for (unsigned i = 0; i < n; i++) {
		uint32_t intid = vgic_lr_intid(lrs[i]);
		if (vgic_lr_is_free(lrs[i]) || !(lrs[i] & LR_HW) || !is_timer(intid))
			continue;
		if ((lrs[i] & LR_STATE_MASK) == LR_STATE_PENDING && !timer_level(intid)) {
			lrs[i] = 0;
			gicv3_deactivate(intid);
		} else {
			still_there = true;
		}
	}
	return still_there;
}

/* Out of line, so that the list registers' copies on the stack cost
 * nothing to the exits that have no interrupt to deliver. */
__attribute__((noinline)) static void sync_lrs(struct vcpu *vcpu, struct vgic_cpu *vc)
{
	uint64_t lrs[VGIC_MAX_LRS], before[VGIC_MAX_LRS];
	unsigned n = num_lrs();

	read_lrs(lrs, n);
	memcpy(before, lrs, sizeof(lrs[0]) * n);
	if (vc->timer_in_lr)
		vc->timer_in_lr = drop_stale_timer_interrupts(lrs, n);
	uint32_t left = vgic_lrs_refill(lrs, n, &vc->queue, vcpu_priority, vcpu);
	for (unsigned i = 0; i < n; i++)
		if (!vgic_lr_is_free(lrs[i]) && is_timer(vgic_lr_intid(lrs[i])))
			vc->timer_in_lr = true;
	write_changed_lrs(lrs, before, n);
	set_underflow_interrupt(vc, left != 0);
}

void vgic_sync(struct vcpu *vcpu)
{
	struct vgic_cpu *vc = &vgic_cpus[vcpu->cpu];

	if (vgic_queue_count(&vc->held) && distributor_enabled(vcpu->zone))
		vgic_queue_move_all(&vc->queue, &vc->held);
	if (vc->timer_in_lr || vgic_queue_count(&vc->queue))
		sync_lrs(vcpu, vc);
}

/* Kicked unconditionally: a CPU that saw the distributor disabled may be
 * holding an SPI it has not counted yet. */
void vgic_release_held_spis(struct vcpu *writer)
{
	uint64_t cpus = __atomic_load_n(&writer->zone->cpus, __ATOMIC_ACQUIRE);

	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
		if ((cpus & BIT(cpu)) && cpu != writer->cpu)
			arch_cpu_kick(cpu);
}

/* Only a vCPU's own CPU holds its list registers. */
static bool lrs_reachable(const struct vcpu *actor, unsigned cpu)
{
	return actor->cpu == cpu;
}

/* Changes the state of `sgis` in this CPU's list registers; returns the
 * SGIs' state before. */
static struct vgic_bits change_own_lrs(uint32_t sgis, uint64_t set, uint64_t clear)
{
	uint64_t lrs[VGIC_MAX_LRS], before[VGIC_MAX_LRS];
	unsigned n = num_lrs();
	struct vgic_bits was;

	read_lrs(lrs, n);
	memcpy(before, lrs, sizeof(lrs[0]) * n);
	was = vgic_lrs_bits(lrs, n, 0);
	for (uint32_t left = sgis; left; left &= left - 1)
		vgic_lrs_change_state(lrs, n, (uint32_t)__builtin_ctz(left), set, clear);
	write_changed_lrs(lrs, before, n);
	return (struct vgic_bits){ was.pending & sgis, was.active & sgis };
}

/* Moves the held SGIs that are enabled into the queue. Whoever makes an SGI
 * held and whoever enables one both run it after their own update
 * (sequentially consistent), so an SGI held while it is being enabled is
 * forwarded by one of them. */
static void forward_enabled_sgis(const struct vcpu *actor, unsigned cpu)
{
	struct vgic_cpu *vc = &vgic_cpus[cpu];
	uint32_t enabled = __atomic_load_n(&vc->sgi_enabled, __ATOMIC_SEQ_CST);
	uint32_t sgis = __atomic_fetch_and(&vc->sgi_held, ~enabled, __ATOMIC_SEQ_CST) & enabled;
	bool queued = false;

	for (; sgis; sgis &= sgis - 1)
		queued |= vgic_queue_add(&vc->queue, (uint32_t)__builtin_ctz(sgis));
	if (queued && cpu != actor->cpu)
		arch_cpu_kick(cpu);
}

void vgic_sgis_set_pending(const struct vcpu *writer, unsigned cpu, uint32_t sgis)
{
	__atomic_fetch_or(&vgic_cpus[cpu].sgi_held, sgis, __ATOMIC_SEQ_CST);
	forward_enabled_sgis(writer, cpu);
}

uint32_t vgic_sgis_enabled(unsigned cpu)
{
	return __atomic_load_n(&vgic_cpus[cpu].sgi_enabled, __ATOMIC_ACQUIRE);
}

void vgic_sgis_enable(const struct vcpu *writer, unsigned cpu, uint32_t sgis)
{
	__atomic_fetch_or(&vgic_cpus[cpu].sgi_enabled, sgis, __ATOMIC_SEQ_CST);
	forward_enabled_sgis(writer, cpu);
}

/* Pending SGIs not yet taken go back to being held: queued ones, and on the
 * own CPU the pending state of those already in a list register. */
void vgic_sgis_disable(const struct vcpu *writer, unsigned cpu, uint32_t sgis)
{
	struct vgic_cpu *vc = &vgic_cpus[cpu];
	uint32_t unforwarded = 0;

	__atomic_fetch_and(&vc->sgi_enabled, ~sgis, __ATOMIC_SEQ_CST);
	for (uint32_t left = sgis; left; left &= left - 1) {
		uint32_t intid = (uint32_t)__builtin_ctz(left);
		if (vgic_queue_remove(&vc->queue, intid))
			unforwarded |= 1u << intid;
	}
	if (lrs_reachable(writer, cpu))
		unforwarded |= change_own_lrs(sgis, 0, LR_STATE_PENDING).pending;
	if (unforwarded)
		vgic_sgis_set_pending(writer, cpu, unforwarded);
}

void vgic_sgis_clear_pending(const struct vcpu *writer, unsigned cpu, uint32_t sgis)
{
	struct vgic_cpu *vc = &vgic_cpus[cpu];

	__atomic_fetch_and(&vc->sgi_held, ~sgis, __ATOMIC_SEQ_CST);
	for (uint32_t left = sgis; left; left &= left - 1)
		vgic_queue_remove(&vc->queue, (uint32_t)__builtin_ctz(left));
	if (lrs_reachable(writer, cpu))
		change_own_lrs(sgis, 0, LR_STATE_PENDING);
}

/* An SGI in no list register gets one of its own, active only: its pending
 * state, if any, stays queued or held, and merges in when delivered. */
void vgic_sgis_set_active(const struct vcpu *writer, unsigned cpu, uint32_t sgis)
{
	uint64_t lrs[VGIC_MAX_LRS], before[VGIC_MAX_LRS];
	unsigned n;

	if (!lrs_reachable(writer, cpu))
		return;
	n = num_lrs();
	read_lrs(lrs, n);
	memcpy(before, lrs, sizeof(lrs[0]) * n);
	for (; sgis; sgis &= sgis - 1) {
		uint32_t intid = (uint32_t)__builtin_ctz(sgis);
		if (!vgic_lrs_change_state(lrs, n, intid, LR_STATE_ACTIVE, 0) &&
		    vgic_lrs_place(lrs, n, intid, false, vgic_cpus[cpu].priority[intid]))
			vgic_lrs_change_state(lrs, n, intid, LR_STATE_ACTIVE, LR_STATE_PENDING);
	}
	write_changed_lrs(lrs, before, n);
}

void vgic_sgis_clear_active(const struct vcpu *writer, unsigned cpu, uint32_t sgis)
{
	if (lrs_reachable(writer, cpu))
		change_own_lrs(sgis, 0, LR_STATE_ACTIVE);
}

/* Bits of the INTIDs from `first` that wait for a list register on `cpu`. */
static uint32_t waiting_on(unsigned cpu, uint32_t first)
{
	const struct vgic_cpu *vc = &vgic_cpus[cpu];
	uint32_t waiting = vgic_queue_bits32(&vc->queue, first) | vgic_queue_bits32(&vc->held, first);

	if (first == 0)
		waiting |= __atomic_load_n(&vc->sgi_held, __ATOMIC_ACQUIRE);
	return waiting;
}

/* An SPI waits on whichever of the zone's CPUs took it. */
static uint32_t spis_waiting(const struct zone *zone, uint32_t first)
{
	uint64_t cpus = __atomic_load_n(&zone->cpus, __ATOMIC_ACQUIRE);
	uint32_t waiting = 0;

	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
		if (cpus & BIT(cpu))
			waiting |= waiting_on(cpu, first);
	return waiting;
}

struct vgic_bits vgic_guest_state(const struct vcpu *reader, unsigned cpu, uint32_t first,
				  struct vgic_bits physical)
{
	struct vgic_bits in_lrs = { 0, 0 };
	uint32_t waiting = first == 0 ? waiting_on(cpu, 0) : spis_waiting(reader->zone, first);

	if (first != 0 || lrs_reachable(reader, cpu)) {
		uint64_t lrs[VGIC_MAX_LRS];
		unsigned n = num_lrs();

		read_lrs(lrs, n);
		in_lrs = vgic_lrs_bits(lrs, n, first);
	}
	return vgic_guest_bits(physical, in_lrs, waiting);
}

void vgic_send_sgis(struct vcpu *sender, uint64_t v)
{
	struct zone *zone = sender->zone;
	uint32_t intid = SGI1R_INTID(v);

	if (v & SGI1R_IRM) {
		for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
			if ((zone->cpus & BIT(cpu)) && cpu != sender->cpu)
				vgic_sgis_set_pending(sender, cpu, 1u << intid);
		return;
	}
	for (uint64_t targets = SGI1R_TARGET_LIST(v); targets; targets &= targets - 1) {
		uint64_t aff0 = SGI1R_RS(v) * 16 + (uint64_t)__builtin_ctzll(targets);
		uint64_t hw_id = SGI1R_AFF3(v) << 32 | SGI1R_AFF2(v) << 16 | SGI1R_AFF1(v) << 8 | aff0;
		struct vcpu *target = zone_vcpu_by_hw_id(zone, hw_id);
		if (target)
			vgic_sgis_set_pending(sender, target->cpu, 1u << intid);
	}
}

/* Interrupts still held for the previous life of this vCPU are given back
 * to the physical GIC, or they would stay active there for ever. */
static void release_hw_interrupts(struct vgic_cpu *vc)
{
	uint64_t lr;

	for (unsigned i = 0; i < num_lrs(); i++) {
		lr_access(i, &lr, false);
		if (!vgic_lr_is_free(lr) && (lr & LR_HW))
			gicv3_deactivate(vgic_lr_intid(lr));
		lr = 0;
		lr_access(i, &lr, true);
	}
	vgic_queue_move_all(&vc->queue, &vc->held);
	for (uint32_t intid = 0; intid < VGIC_MAX_INTID; intid++)
		if (vgic_queue_remove(&vc->queue, intid) && vgic_is_hw(intid))
			gicv3_deactivate(intid);
}

/* The CPU's guest PPIs in the physical redistributor: disabled, not
 * pending, not active; SGIs are virtual and PPIs 25/26 the hypervisor's. */
static void quiesce_guest_ppis(unsigned cpu)
{
	uintptr_t sgi = gicv3_redistributor(cpu) + GICR_SGI_OFFSET;

	gic_write32(sgi + GICR_ICENABLER0, VGIC_GUEST_PPIS);
	gic_write32(sgi + GICR_ICPENDR0, VGIC_GUEST_PPIS);
	gic_write32(sgi + GICR_ICACTIVER0, VGIC_GUEST_PPIS);
}

void vgic_vcpu_stop(struct vcpu *vcpu)
{
	release_hw_interrupts(&vgic_cpus[vcpu->cpu]);
	quiesce_guest_ppis(vcpu->cpu);
	write_sysreg(ICH_HCR_EL2, 0);
	isb();
}

void vgic_vcpu_reset(struct vcpu *vcpu)
{
	struct vgic_cpu *vc = &vgic_cpus[vcpu->cpu];

	release_hw_interrupts(vc);
	quiesce_guest_ppis(vcpu->cpu);
	vc->sgi_held = 0;
	vc->sgi_enabled = 0xffff;
	memset(vc->priority, 0, sizeof(vc->priority));
	vc->waker = GICR_WAKER_PROCESSOR_SLEEP;
	vc->timer_in_lr = false;
	write_sysreg(ICH_AP0R0_EL2, 0);
	write_sysreg(ICH_AP1R0_EL2, 0);
	write_sysreg(ICH_VMCR_EL2, 0);
	write_sysreg(ICC_SRE_EL1, 0x7);
	vc->underflow_interrupt = true;
	set_underflow_interrupt(vc, false);
	isb();
}
