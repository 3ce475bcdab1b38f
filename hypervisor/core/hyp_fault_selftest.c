/* Built only into `make HV_SELFTEST=1` images: HC_SELFTEST_HYP_FAULT makes
 * the calling CPU read memory the hypervisor's own map leaves out (it maps
 * RAM and the device window below it, nothing above RAM), and
 * HC_SELFTEST_STACK_OVERFLOW makes it recurse until its stack runs into the
 * guard page below it, so that a test can check the fault report and that
 * only this CPU stops. It wraps the dispatcher at link time (--wrap), so the
 * default image's code is the same with or without this file. */
#include <tessera/hyp_fault_selftest.h>

#include "hypercall.h"
#include "platform.h"

/* Each level's frame is far smaller than a guard page (4 KiB), so the first
 * store below the stack lands in the guard page, never beyond it. */
#define OVERFLOW_FRAME_WORDS 32
/* More than a CPU's stack and its guard page (16 + 4 KiB on aarch64), and
 * not much more: were the guard page mapped, the recursion would end in
 * the stack below, unused while its CPU runs a guest, and the call would
 * return. */
#define OVERFLOW_BYTES (24 * 1024)

int64_t __real_hypercall_dispatch(struct vcpu *vcpu, uint64_t code, uint64_t arg0, uint64_t arg1);
int64_t __wrap_hypercall_dispatch(struct vcpu *vcpu, uint64_t code, uint64_t arg0, uint64_t arg1);

/* Each level writes its frame and reads its caller's, whose address it is
 * given, so no call can become a jump that reuses the frame. */
static uint64_t __attribute__((noinline)) recurse(const volatile uint64_t *caller, unsigned levels)
{
	volatile uint64_t frame[OVERFLOW_FRAME_WORDS];

	for (unsigned i = 0; i < OVERFLOW_FRAME_WORDS; i++)
		frame[i] = caller[i] + 1;
	if (levels == 0)
		return frame[0];
	return recurse(frame, levels - 1) + frame[OVERFLOW_FRAME_WORDS - 1];
}

static int64_t overflow_stack(void)
{
	static const volatile uint64_t first_caller[OVERFLOW_FRAME_WORDS];

	return (int64_t)recurse(first_caller, OVERFLOW_BYTES / sizeof(first_caller));
}

int64_t __wrap_hypercall_dispatch(struct vcpu *vcpu, uint64_t code, uint64_t arg0, uint64_t arg1)
{
	if (code == HC_SELFTEST_HYP_FAULT)
		return (int64_t)*(volatile uint64_t *)(uintptr_t)(platform.ram.start +
								  platform.ram.size);
	if (code == HC_SELFTEST_STACK_OVERFLOW)
		return overflow_stack();
	return __real_hypercall_dispatch(vcpu, code, arg0, arg1);
}
