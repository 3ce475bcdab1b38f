/* Built only into `make HV_SELFTEST=1` images: HC_SELFTEST_HYP_FAULT makes
 * the calling CPU read memory the hypervisor's own map leaves out (it maps
 * RAM and the device window below it, nothing above RAM), so that a test
 * can check the fault report and that only this CPU stops. It wraps the
 * dispatcher at link time (--wrap), so the default image's code is the same
 * with or without this file. */
#include <tessera/hyp_fault_selftest.h>

#include "hypercall.h"
#include "platform.h"

int64_t __real_hypercall_dispatch(struct vcpu *vcpu, uint64_t code, uint64_t arg0, uint64_t arg1);
int64_t __wrap_hypercall_dispatch(struct vcpu *vcpu, uint64_t code, uint64_t arg0, uint64_t arg1);

int64_t __wrap_hypercall_dispatch(struct vcpu *vcpu, uint64_t code, uint64_t arg0, uint64_t arg1)
{
	if (code == HC_SELFTEST_HYP_FAULT)
		return (int64_t)*(volatile uint64_t *)(uintptr_t)(platform.ram.start +
								  platform.ram.size);
	return __real_hypercall_dispatch(vcpu, code, arg0, arg1);
}
