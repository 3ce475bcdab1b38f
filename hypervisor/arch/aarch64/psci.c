/* SMCCC and PSCI 1.1 as a zone sees them, over SMC or HVC #0. Only the calling
 * zone's own vCPUs can be named; unknown function IDs get NOT_SUPPORTED
 * without a log line, since guests probe. The Spectre workarounds are the
 * firmware's (smccc_arch.c). */
#include <asm/smccc.h>
#include <asm/smccc_arch.h>
#include <asm/trap_frame.h>

#include <stdnoreturn.h>

#include "arch.h"
#include "exit_stats.h"
#include "log.h"
#include "guest_memory.h"
#include "vcpu.h"
#include "zone.h"

#define AFFINITY_MASK 0xff00ffffffULL

static int64_t cpu_on(struct vcpu *caller, uint64_t target_mpidr, uint64_t entry, uint64_t ctx)
{
	struct vcpu *target = zone_vcpu_by_hw_id(caller->zone, target_mpidr & AFFINITY_MASK);

	if (!target)
		return PSCI_INVALID_PARAMETERS;
	if (!guest_is_ram(caller->zone, entry))
		return PSCI_INVALID_ADDRESS;
	switch (vcpu_power_on(caller->zone, target, entry, ctx)) {
	case VCPU_ON_STARTED:
		return PSCI_SUCCESS;
	case VCPU_ON_ALREADY_ON:
		return PSCI_ALREADY_ON;
	case VCPU_ON_ALREADY_PENDING:
		return PSCI_ON_PENDING;
	default:
		return PSCI_INVALID_PARAMETERS;
	}
}

static int64_t affinity_info(struct vcpu *caller, uint64_t target_mpidr, uint64_t level)
{
	struct vcpu *target = zone_vcpu_by_hw_id(caller->zone, target_mpidr & AFFINITY_MASK);

	if (!target || level != 0)
		return PSCI_INVALID_PARAMETERS;
	switch (__atomic_load_n(&target->power, __ATOMIC_ACQUIRE)) {
	case VCPU_ON:
		return PSCI_AFFINITY_ON;
	case VCPU_ON_PENDING:
		return PSCI_AFFINITY_ON_PENDING;
	default:
		return PSCI_AFFINITY_OFF;
	}
}

static bool is_implemented(uint64_t fid)
{
	switch (fid) {
	case PSCI_VERSION:
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
	case SMCCC_VERSION:
		return true;
	default:
		return false;
	}
}

static noreturn void system_off(struct vcpu *caller, bool reset)
{
	if (caller->zone->id == 0) {
		log_info("zone0 asked for system %s", reset ? "reset" : "power-off");
		exit_stats_report();
		if (reset)
			arch_machine_reset();
		arch_machine_power_off();
	}
	log_guest_info(caller->zone, "zone %u (%s) asked for system %s: the zone %s",
		       caller->zone->id, caller->zone->name, reset ? "reset" : "power-off",
		       reset && caller->zone->boot_images.cache_size ? "restarts" : "stops");
	zone_request_stop(caller->zone, reset);
	cpu_run_or_park();
}

void smccc_handle(struct vcpu *vcpu, struct trap_frame *f)
{
	uint64_t fid = f->x[0] & 0xffffffffULL;
	int64_t ret;

	switch (fid) {
	case SMCCC_VERSION:
		ret = SMCCC_VERSION_1_1;
		break;
	case SMCCC_ARCH_FEATURES:
		ret = smccc_arch_features(f->x[1] & 0xffffffffULL);
		break;
	case SMCCC_ARCH_WORKAROUND_1:
	case SMCCC_ARCH_WORKAROUND_2:
	case SMCCC_ARCH_WORKAROUND_3:
		ret = smccc_arch_workaround(vcpu->cpu, fid, f->x[1]);
		break;
	case PSCI_VERSION:
		ret = PSCI_VERSION_1_1;
		break;
	case PSCI_FEATURES:
		ret = is_implemented(f->x[1] & 0xffffffffULL) ? PSCI_SUCCESS : PSCI_NOT_SUPPORTED;
		break;
	case PSCI_CPU_ON_32:
		ret = cpu_on(vcpu, f->x[1] & 0xffffffffULL, f->x[2] & 0xffffffffULL,
			     f->x[3] & 0xffffffffULL);
		break;
	case PSCI_CPU_ON_64:
		ret = cpu_on(vcpu, f->x[1], f->x[2], f->x[3]);
		break;
	case PSCI_CPU_OFF:
		vcpu_power_off_self();
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
		ret = affinity_info(vcpu, f->x[1], f->x[2]);
		break;
	case PSCI_MIGRATE_INFO_TYPE:
		ret = PSCI_MIGRATE_NOT_REQUIRED;
		break;
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
		system_off(vcpu, fid == PSCI_SYSTEM_RESET);
	default:
		ret = SMCCC_NOT_SUPPORTED;
		break;
	}
	f->x[0] = (uint64_t)ret;
}
