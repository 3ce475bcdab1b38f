#include "arch.h"
#include "util.h"
#include "vcpu.h"
#include "zone.h"

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
	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
		if ((zone->cpus & BIT(cpu)) && platform.cpu_hw_ids[cpu] == hw_id)
			return &percpus[cpu].vcpu;
	return NULL;
}

enum vcpu_on_result vcpu_power_on(struct vcpu *vcpu, uint64_t entry, uint64_t arg)
{
	enum vcpu_on_result result;

	spin_lock(&vcpu->lock);
	if (vcpu->power == VCPU_ON) {
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

	spin_lock(&vcpu->lock);
	vcpu->power = VCPU_OFF;
	spin_unlock(&vcpu->lock);
	cpu_run_or_park();
}

static bool take_power_on(struct vcpu *vcpu)
{
	bool starting = false;

	if (!__atomic_load_n(&vcpu->zone, __ATOMIC_ACQUIRE) ||
	    __atomic_load_n(&vcpu->power, __ATOMIC_ACQUIRE) != VCPU_ON_PENDING)
		return false;
	spin_lock(&vcpu->lock);
	if (vcpu->power == VCPU_ON_PENDING) {
		vcpu->power = VCPU_ON;
		starting = true;
	}
	spin_unlock(&vcpu->lock);
	return starting;
}

void cpu_run_or_park(void)
{
	struct percpu *me = this_cpu();

	while (!take_power_on(&me->vcpu))
		arch_cpu_idle();
	arch_vcpu_run(&me->vcpu);
}
