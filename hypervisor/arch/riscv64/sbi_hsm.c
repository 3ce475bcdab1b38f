/* SBI HSM extension: starting, stopping and querying harts of the caller's
 * zone, through the core's vCPU power states. A started hart enters VS mode
 * at start_addr with a0 = its hart id and a1 = opaque (vcpu.c). */
#include <asm/sbi_guest.h>

#include "guest_memory.h"
#include "vcpu.h"
#include "zone.h"

static int64_t hart_start(struct vcpu *caller, uint64_t hart_id, uint64_t start_addr,
			  uint64_t opaque)
{
	struct vcpu *target = zone_vcpu_by_hw_id(caller->zone, hart_id);

	if (!target)
		return SBI_ERR_INVALID_PARAM;
	if (!guest_is_ram(caller->zone, start_addr))
		return SBI_ERR_INVALID_ADDRESS;
	switch (vcpu_power_on(caller->zone, target, start_addr, opaque)) {
	case VCPU_ON_STARTED:
		return SBI_SUCCESS;
	case VCPU_ON_ALREADY_ON:
	case VCPU_ON_ALREADY_PENDING:
		return SBI_ERR_ALREADY_AVAILABLE;
	default:
		return SBI_ERR_INVALID_PARAM;
	}
}

static struct sbiret hart_get_status(struct vcpu *caller, uint64_t hart_id)
{
	struct vcpu *target = zone_vcpu_by_hw_id(caller->zone, hart_id);

	if (!target)
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	switch (__atomic_load_n(&target->power, __ATOMIC_ACQUIRE)) {
	case VCPU_ON:
		return (struct sbiret){ SBI_SUCCESS, SBI_HSM_STATE_STARTED };
	case VCPU_ON_PENDING:
		return (struct sbiret){ SBI_SUCCESS, SBI_HSM_STATE_START_PENDING };
	default:
		return (struct sbiret){ SBI_SUCCESS, SBI_HSM_STATE_STOPPED };
	}
}

/* A retentive suspend may end at any interrupt: ending it at once is one
 * of the allowed outcomes. A non-retentive one would need the hart's
 * restart at resume_addr; it is not offered. */
static int64_t hart_suspend(uint64_t suspend_type)
{
	if (suspend_type > UINT32_MAX ||
	    (suspend_type > SBI_HSM_SUSPEND_RETENTIVE &&
	     suspend_type < SBI_HSM_SUSPEND_NON_RETENTIVE) ||
	    (suspend_type > SBI_HSM_SUSPEND_NON_RETENTIVE &&
	     suspend_type < SBI_HSM_SUSPEND_PLATFORM_FIRST))
		return SBI_ERR_INVALID_PARAM;
	return suspend_type == SBI_HSM_SUSPEND_RETENTIVE ? SBI_SUCCESS : SBI_ERR_NOT_SUPPORTED;
}

struct sbiret sbi_hsm_handle(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f)
{
	switch (fid) {
	case SBI_HSM_HART_START:
		return (struct sbiret){ hart_start(vcpu, f->x[REG_A0], f->x[REG_A0 + 1],
						   f->x[REG_A0 + 2]), 0 };
	case SBI_HSM_HART_STOP:
		vcpu_power_off_self();
	case SBI_HSM_HART_GET_STATUS:
		return hart_get_status(vcpu, f->x[REG_A0]);
	case SBI_HSM_HART_SUSPEND:
		return (struct sbiret){ hart_suspend(f->x[REG_A0]), 0 };
	default:
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	}
}
