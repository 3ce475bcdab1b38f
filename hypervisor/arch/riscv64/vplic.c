/* Each zone's virtual PLIC: its window trapped, its state (vplic_state.c)
 * behind a lock, the physical PLIC made to follow (plic.c), and the harts
 * whose pending state changed kicked, so that they re-evaluate hvip.VSEIP.
 * Lock order: a zone's vPLIC lock, then the physical PLIC's. */
#include <tessera/hypercall.h>

#include <asm/plic.h>
#include <asm/vplic.h>
#include <asm/vplic_state.h>

#include "arch.h"
#include "log.h"
#include "platform.h"
#include "rate_limit.h"
#include "util.h"
#include "vcpu.h"
#include "zone.h"

_Static_assert(CONFIG_INTERRUPT_WORDS == PLIC_SOURCE_WORDS,
	       "interrupts_bitmap holds one bit per PLIC source");

struct vplic {
	spinlock_t lock;
	struct vplic_state state;
	/* The zone slot's struct zone once a zone used it; which zone runs
	 * there, if any, its state says. */
	struct zone *zone;
};

static struct vplic vplics[MAX_ZONES];

/* Lines about sources no zone receives concern no zone's log limit. */
static struct rate_limit unowned_log_limit = GUEST_LOG_LIMIT_INIT;

static void owner_of(const struct zone *zone, struct vplic_owner *owner)
{
	uint64_t cpus = __atomic_load_n(&zone->cpus, __ATOMIC_RELAXED);

	for (unsigned word = 0; word < PLIC_SOURCE_WORDS; word++)
		owner->sources[word] =
			__atomic_load_n(&zone->config.interrupts_bitmap[word], __ATOMIC_RELAXED);
	owner->harts = 0;
	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
		if (cpus & BIT(cpu) && platform.cpu_hw_ids[cpu] < VPLIC_MAX_HARTS)
			owner->harts |= 1u << platform.cpu_hw_ids[cpu];
}

static bool is_running(const struct zone *zone)
{
	return __atomic_load_n(&zone->state, __ATOMIC_ACQUIRE) == ZONE_RUNNING;
}

/* This CPU re-evaluates its own on the way back to its guest. */
static void kick_changed(uint32_t before, uint32_t after)
{
	uint32_t changed = before ^ after;
	unsigned me = arch_cpu_id();

	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++) {
		uint64_t hart = platform.cpu_hw_ids[cpu];
		if (hart < VPLIC_MAX_HARTS && (changed >> hart) & 1 && cpu != me)
			arch_cpu_kick(cpu);
	}
}

static void log_unowned(const char *what, uint32_t source)
{
	unsigned suppressed;
	bool allowed = rate_limit_take(&unowned_log_limit, arch_time_ns(), &suppressed);

	if (suppressed)
		log_warn("%u lines about PLIC sources no zone receives suppressed", suppressed);
	if (allowed)
		log_warn("PLIC source %u: %s, and no running zone owns it", source, what);
}

/* Makes `source` pending in the vPLIC of the running zone that owns it;
 * false if none does. Ownership is checked under the zone's vPLIC lock,
 * which vplic_zone_reset takes too: a zone being reset never receives. */
static bool raise_in_owner(uint32_t source)
{
	for (unsigned slot = 0; slot < MAX_ZONES; slot++) {
		struct vplic *v = &vplics[slot];
		struct zone *zone = __atomic_load_n(&v->zone, __ATOMIC_ACQUIRE);
		struct vplic_owner owner;
		uint32_t before, after;

		if (!zone || !zone_owns_interrupt(zone, source))
			continue;
		owner_of(zone, &owner);
		spin_lock(&v->lock);
		if (!is_running(zone) || !zone_owns_interrupt(zone, source)) {
			spin_unlock(&v->lock);
			continue;
		}
		before = vplic_state_deliverable(&v->state, &owner);
		vplic_state_raise(&v->state, &owner, source);
		after = vplic_state_deliverable(&v->state, &owner);
		spin_unlock(&v->lock);
		kick_changed(before, after);
		return true;
	}
	return false;
}

/* Claims until the context has nothing left: each source claimed stays
 * claimed, so the loop ends. */
void plic_handle_irq(void)
{
	unsigned hart = (unsigned)arch_cpu_hw_id();
	uint32_t source;

	while ((source = plic_claim(hart)) != 0) {
		if (!raise_in_owner(source)) {
			plic_quiesce(source);
			log_unowned("interrupted, disabled", source);
		}
	}
}

void vplic_raise(uint32_t source)
{
	if (!raise_in_owner(source))
		log_unowned("raised, dropped", source);
}

static void follow_physically(const struct vplic_effect *effect)
{
	if (effect->enable_hart >= 0)
		plic_set_enables((unsigned)effect->enable_hart, effect->enable_word,
				 effect->enable_mask, effect->enable_bits);
	if (effect->completed)
		plic_complete(effect->completed);
}

static const char *refusal(enum vplic_result result)
{
	return result == VPLIC_FOREIGN_CONTEXT ? "a context not of its harts' S modes"
					       : "no register";
}

/* 4-byte accesses only, as the PLIC specification's registers; another
 * width is refused and the guest gets an access fault. */
static bool vplic_access(struct vcpu *vcpu, struct mmio_access *access, void *opaque)
{
	struct vplic *v = opaque;
	struct zone *zone = vcpu->zone;
	uint64_t offset = access->addr - zone->config.arch_config.plic_base;
	struct vplic_effect effect;
	struct vplic_owner owner;
	enum vplic_result result;
	uint32_t before, after, value = 0;

	if (access->size != 4)
		return false;
	owner_of(zone, &owner);
	spin_lock(&v->lock);
	before = vplic_state_deliverable(&v->state, &owner);
	if (access->is_write) {
		result = vplic_state_write(&v->state, &owner, offset, (uint32_t)access->value,
					   &effect);
		follow_physically(&effect);
	} else {
		result = vplic_state_read(&v->state, &owner, offset, &value);
		access->value = value;
	}
	after = vplic_state_deliverable(&v->state, &owner);
	spin_unlock(&v->lock);
	kick_changed(before, after);
	if (result != VPLIC_DONE)
		log_guest_warn(zone, "zone %u vcpu %u: PLIC %s at offset 0x%lx: %s there, ignored",
			       zone->id, vcpu->index, access->is_write ? "write" : "read",
			       (unsigned long)offset, refusal(result));
	return true;
}

int vplic_zone_init(struct zone *zone)
{
	const struct arch_zone_config *arch = &zone->config.arch_config;
	struct vplic *v = &vplics[zone_slot(zone)];

	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++) {
		if ((zone->cpus & BIT(cpu)) && platform.cpu_hw_ids[cpu] >= VPLIC_MAX_HARTS) {
			log_error("zone %u: CPU %u is hart %lu; the vPLIC has contexts for harts 0 "
				  "to %u only", zone->id, cpu, (unsigned long)platform.cpu_hw_ids[cpu],
				  VPLIC_MAX_HARTS - 1);
			return -HV_EINVAL;
		}
	}
	__atomic_store_n(&v->zone, zone, __ATOMIC_RELEASE);
	return mmio_register(zone, arch->plic_base, arch->plic_size, vplic_access, v);
}

/* The zone that lent `zone` its sources (zone0) forgets them, as it would
 * find them on hardware after another owner: disabled, nothing pending. */
static void forget_in_other_zones(const struct zone *zone)
{
	for (unsigned slot = 0; slot < MAX_ZONES; slot++) {
		struct vplic *v = &vplics[slot];
		struct zone *other = __atomic_load_n(&v->zone, __ATOMIC_ACQUIRE);
		struct vplic_owner owner;
		uint32_t before, after;

		if (!other || other == zone)
			continue;
		owner_of(other, &owner);
		spin_lock(&v->lock);
		before = vplic_state_deliverable(&v->state, &owner);
		vplic_state_forget(&v->state, zone->config.interrupts_bitmap);
		after = vplic_state_deliverable(&v->state, &owner);
		spin_unlock(&v->lock);
		kick_changed(before, after);
	}
}

void vplic_zone_reset(struct zone *zone)
{
	struct vplic *v = &vplics[zone_slot(zone)];

	spin_lock(&v->lock);
	vplic_state_reset(&v->state, plic_num_sources());
	spin_unlock(&v->lock);
	forget_in_other_zones(zone);
	for (uint32_t source = 1; source < plic_num_sources(); source++)
		if (zone_owns_interrupt(zone, source))
			plic_quiesce(source);
}

bool vplic_vcpu_pending(const struct vcpu *vcpu)
{
	struct zone *zone = vcpu->zone;
	struct vplic *v;
	struct vplic_owner owner;
	uint64_t hart = vcpu_hw_id(vcpu);
	bool pending;

	if (!zone || hart >= VPLIC_MAX_HARTS)
		return false;
	v = &vplics[zone_slot(zone)];
	owner_of(zone, &owner);
	spin_lock(&v->lock);
	pending = vplic_state_hart_pending(&v->state, &owner, (unsigned)hart);
	spin_unlock(&v->lock);
	return pending;
}
