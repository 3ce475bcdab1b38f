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

static unsigned num_lrs(void)
{
	return (unsigned)(read_sysreg(ICH_VTR_EL2) & 0x1f) + 1;
}

static void read_lrs(uint64_t *lrs, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		lr_access(i, &lrs[i], false);
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

static void set_underflow_interrupt(bool enable)
{
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

void vgic_inject_hw(struct vcpu *vcpu, uint32_t intid)
{
	struct vgic_cpu *vc = &vgic_cpus[vcpu->cpu];
	uint64_t lrs[VGIC_MAX_LRS], before[VGIC_MAX_LRS];
	unsigned n;

	if (intid >= VGIC_FIRST_SPI && !distributor_enabled(vcpu->zone)) {
		vgic_queue_add(&vc->held, intid);
		return;
	}
	n = num_lrs();
	read_lrs(lrs, n);
	memcpy(before, lrs, sizeof(lrs[0]) * n);
	if (vgic_lrs_place(lrs, n, intid, true, vcpu_priority(vcpu, intid))) {
		write_changed_lrs(lrs, before, n);
		if (is_timer(intid))
			vc->timer_in_lr = true;
	} else {
		vgic_queue_add(&vc->queue, intid);
		set_underflow_interrupt(true);
	}
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

void vgic_sync(struct vcpu *vcpu)
{
	struct vgic_cpu *vc = &vgic_cpus[vcpu->cpu];
	uint64_t lrs[VGIC_MAX_LRS], before[VGIC_MAX_LRS];
	unsigned n;

	if (vgic_queue_count(&vc->held) && distributor_enabled(vcpu->zone))
		vgic_queue_move_all(&vc->queue, &vc->held);
	if (!vc->timer_in_lr && !vgic_queue_count(&vc->queue))
		return;
	n = num_lrs();
	read_lrs(lrs, n);
	memcpy(before, lrs, sizeof(lrs[0]) * n);
	if (vc->timer_in_lr)
		vc->timer_in_lr = drop_stale_timer_interrupts(lrs, n);
	uint32_t left = vgic_lrs_refill(lrs, n, &vc->queue, vcpu_priority, vcpu);
	for (unsigned i = 0; i < n; i++)
		if (!vgic_lr_is_free(lrs[i]) && is_timer(vgic_lr_intid(lrs[i])))
			vc->timer_in_lr = true;
	write_changed_lrs(lrs, before, n);
	set_underflow_interrupt(left != 0);
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

static void send_sgi(const struct vcpu *sender, struct vcpu *target, uint32_t intid)
{
	struct vgic_cpu *vc = &vgic_cpus[target->cpu];

	if (!((vc->sgi_enabled >> intid) & 1))
		return;
	if (vgic_queue_add(&vc->queue, intid) && target != sender)
		arch_cpu_kick(target->cpu);
}

void vgic_send_sgis(struct vcpu *sender, uint64_t v)
{
	struct zone *zone = sender->zone;
	uint32_t intid = SGI1R_INTID(v);

	if (v & SGI1R_IRM) {
		for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
			if ((zone->cpus & BIT(cpu)) && cpu != sender->cpu)
				send_sgi(sender, &percpus[cpu].vcpu, intid);
		return;
	}
	for (uint64_t targets = SGI1R_TARGET_LIST(v); targets; targets &= targets - 1) {
		uint64_t aff0 = SGI1R_RS(v) * 16 + (uint64_t)__builtin_ctzll(targets);
		uint64_t hw_id = SGI1R_AFF3(v) << 32 | SGI1R_AFF2(v) << 16 | SGI1R_AFF1(v) << 8 | aff0;
		struct vcpu *target = zone_vcpu_by_hw_id(zone, hw_id);
		if (target)
			send_sgi(sender, target, intid);
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
	vc->sgi_enabled = 0xffff;
	memset(vc->priority, 0, sizeof(vc->priority));
	vc->waker = GICR_WAKER_PROCESSOR_SLEEP;
	vc->timer_in_lr = false;
	write_sysreg(ICH_AP0R0_EL2, 0);
	write_sysreg(ICH_AP1R0_EL2, 0);
	write_sysreg(ICH_VMCR_EL2, 0);
	write_sysreg(ICC_SRE_EL1, 0x7);
	set_underflow_interrupt(false);
	isb();
}
