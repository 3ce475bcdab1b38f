/* SBI RFENCE extension: a guest's remote FENCE.I and SFENCE.VMA on harts of
 * its zone. Its SFENCE.VMA is VS-stage maintenance, HFENCE.VVMA for the
 * hypervisor, which applies to the VMID in the target hart's hgatp: the
 * zone's, since each hart runs one vCPU. The firmware does it on the
 * targets (its RFENCE extension, with the caller's VMID) and returns once
 * they have: so does the guest's call. Its HFENCE functions are for a
 * hypervisor, which a guest is not. */
#include <asm/sbi_call.h>
#include <asm/sbi_guest.h>

#include "util.h"
#include "vcpu.h"

#define MASK_BITS 64

struct remote_fence {
	uint64_t fid;       /* the firmware's */
	uint64_t start, size, asid;
};

static void firmware_fence(const struct remote_fence *fence, uint64_t mask, uint64_t base)
{
	sbi_call(SBI_EXT_RFENCE, fence->fid, mask, base, fence->start, fence->size, fence->asid);
}

/* One call for the harts with ids below 64 (QEMU's), one per hart above. */
static void fence_cpus(const struct remote_fence *fence, uint64_t cpus)
{
	uint64_t low_mask = 0;

	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++) {
		uint64_t hart = platform.cpu_hw_ids[cpu];
		if (!(cpus & BIT(cpu)))
			continue;
		if (hart < MASK_BITS)
			low_mask |= BIT(hart);
		else
			firmware_fence(fence, 1, hart);
	}
	if (low_mask)
		firmware_fence(fence, low_mask, 0);
}

static bool firmware_function(uint64_t fid, uint64_t *firmware_fid)
{
	switch (fid) {
	case SBI_RFENCE_FENCE_I:
		*firmware_fid = SBI_RFENCE_FENCE_I;
		return true;
	case SBI_RFENCE_SFENCE_VMA:
		*firmware_fid = SBI_RFENCE_HFENCE_VVMA;
		return true;
	case SBI_RFENCE_SFENCE_VMA_ASID:
		*firmware_fid = SBI_RFENCE_HFENCE_VVMA_ASID;
		return true;
	default:
		return false;
	}
}

struct sbiret sbi_rfence_handle(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f)
{
	struct remote_fence fence = {
		.start = f->x[REG_A0 + 2],
		.size = f->x[REG_A0 + 3],
		.asid = f->x[REG_A0 + 4],
	};
	uint64_t cpus;

	if (!firmware_function(fid, &fence.fid))
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	if (!sbi_zone_harts(vcpu->zone, f->x[REG_A0], f->x[REG_A0 + 1], &cpus))
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	fence_cpus(&fence, cpus);
	return (struct sbiret){ SBI_SUCCESS, 0 };
}
