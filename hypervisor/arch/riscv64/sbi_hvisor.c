/* hvisor's hypercalls (hvisor-compat.md, riscv64): ecall with a7 = 0x114514,
 * a0 = the code, a1 and a2 its arguments; the result in a1, a0 = 0 as an
 * SBI success. */
#include <asm/sbi_guest.h>

#include "hypercall.h"

struct sbiret sbi_hvisor_handle(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f)
{
	int64_t ret = hypercall_dispatch(vcpu, f->x[REG_A0], f->x[REG_A0 + 1], f->x[REG_A0 + 2]);

	(void)fid;
	if (ret == HYPERCALL_RESTART)
		return (struct sbiret){ SBI_RESTART_CALL, 0 };
	return (struct sbiret){ SBI_SUCCESS, (uint64_t)ret };
}
