/* SBI hart masks (specification 1.0, 3.1): bit i names hart
 * hart_mask_base + i, and a base of all ones names every hart. A zone sees
 * only its own harts. */
#include <asm/sbi_guest.h>

#include "util.h"
#include "vcpu.h"
#include "zone.h"

#define MASK_BITS 64

bool sbi_zone_harts(const struct zone *zone, uint64_t hart_mask, uint64_t hart_mask_base,
		    uint64_t *cpus)
{
	*cpus = 0;
	if (hart_mask_base == SBI_HART_MASK_BASE_ALL) {
		*cpus = __atomic_load_n(&zone->cpus, __ATOMIC_ACQUIRE);
		return true;
	}
	for (unsigned bit = 0; bit < MASK_BITS; bit++) {
		if (!(hart_mask & BIT(bit)))
			continue;
		if (hart_mask_base + bit < hart_mask_base)
			return false;
		struct vcpu *vcpu = zone_vcpu_by_hw_id((struct zone *)zone, hart_mask_base + bit);
		if (!vcpu)
			return false;
		*cpus |= BIT(vcpu->cpu);
	}
	return true;
}
