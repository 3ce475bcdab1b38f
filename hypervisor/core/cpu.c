#include "arch.h"
#include "util.h"
#include "vcpu.h"
#include "zone.h"
#include "zone_stop.h"

struct percpu percpus[MAX_CPUS];

struct percpu *this_cpu(void)
{
	return &percpus[arch_cpu_id()];
}

uint64_t vcpu_hw_id(const struct vcpu *vcpu)
{
	return platform.cpu_hw_ids[vcpu->cpu];
}

struct vcpu *zone_vcpu_by_hw_id(struct zone *zone, uint64_t hw_id)
{
	uint64_t cpus = __atomic_load_n(&zone->cpus, __ATOMIC_ACQUIRE);

	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
		if ((cpus & BIT(cpu)) && platform.cpu_hw_ids[cpu] == hw_id)
			return &percpus[cpu].vcpu;
	return NULL;
}

/* A vCPU's index is its CPU's rank among the zone's CPUs, as the zone's
 * device tree lists them. */
static unsigned index_in(uint64_t cpus, unsigned cpu)
{
	unsigned index = 0;

	for (uint64_t below = cpus & (BIT(cpu) - 1); below; below &= below - 1)
		index++;
	return index;
}

void vcpu_assign(struct vcpu *vcpu, struct zone *zone)
{
	spin_lock(&vcpu->lock);
	vcpu->power = VCPU_OFF;
	vcpu->index = zone ? index_in(zone->config.cpus, vcpu->cpu) : 0;
	__atomic_store_n(&vcpu->zone, zone, __ATOMIC_RELEASE);
	spin_unlock(&vcpu->lock);
}

enum vcpu_on_result vcpu_power_on(const struct zone *caller, struct vcpu *vcpu, uint64_t entry,
				  uint64_t arg)
{
	enum vcpu_on_result result;

	spin_lock(&vcpu->lock);
	if (vcpu->zone != caller || !(__atomic_load_n(&caller->cpus, __ATOMIC_ACQUIRE) &
				      BIT(vcpu->cpu)) || zone_is_stopping(caller)) {
		result = VCPU_ON_NOT_IN_ZONE;
	} else if (vcpu->power == VCPU_ON) {
		result = VCPU_ON_ALREADY_ON;
	} else if (vcpu->power == VCPU_ON_PENDING) {
		result = VCPU_ON_ALREADY_PENDING;
	} else {
		vcpu->entry = entry;
		vcpu->boot_arg = arg;
		__atomic_store_n(&vcpu->power, VCPU_ON_PENDING, __ATOMIC_RELEASE);
		result = VCPU_ON_STARTED;
	}
	spin_unlock(&vcpu->lock);
	if (result == VCPU_ON_STARTED)
		arch_cpu_kick(vcpu->cpu);
	return result;
}

void vcpu_power_off_self(void)
{
	struct vcpu *vcpu = &this_cpu()->vcpu;

	arch_vcpu_stop(vcpu);
	spin_lock(&vcpu->lock);
	vcpu->power = VCPU_OFF;
	spin_unlock(&vcpu->lock);
	cpu_run_or_park();
}

static bool take_power_on(struct vcpu *vcpu)
{
	struct zone *zone = __atomic_load_n(&vcpu->zone, __ATOMIC_ACQUIRE);
	bool starting = false;

	if (!zone || __atomic_load_n(&vcpu->power, __ATOMIC_ACQUIRE) != VCPU_ON_PENDING)
		return false;
	spin_lock(&vcpu->lock);
	if (vcpu->zone == zone && vcpu->power == VCPU_ON_PENDING && !zone_is_stopping(zone)) {
		vcpu->power = VCPU_ON;
		starting = true;
	}
	spin_unlock(&vcpu->lock);
	return starting;
}

void cpu_run_or_park(void)
{
	struct vcpu *vcpu = &this_cpu()->vcpu;

	for (;;) {
		zone_stop_this_cpu_if_asked(vcpu);
		if (take_power_on(vcpu))
			arch_vcpu_run(vcpu);
		arch_cpu_idle();
	}
}
