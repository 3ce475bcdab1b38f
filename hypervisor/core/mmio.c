#include "mmio.h"

#include <tessera/hypercall.h>

#include "arch.h"
#include "log.h"
#include "util.h"
#include "vcpu.h"
#include "zone.h"

int mmio_register(struct zone *zone, uint64_t base, uint64_t size, mmio_handler_fn handle,
		  void *opaque)
{
	if (zone->num_mmio == ARRAY_SIZE(zone->mmio))
		return -HV_ENOMEM;
	zone->mmio[zone->num_mmio++] = (struct mmio_handler){ base, size, handle, opaque };
	return 0;
}

void mmio_report_unhandled(struct vcpu *vcpu, const struct mmio_access *a, uint64_t pc)
{
	log_guest_warn(vcpu->zone,
		       "zone %u vcpu %u: unhandled %s at 0x%lx (pc 0x%lx): external abort to the "
		       "guest",
		       vcpu->zone->id, vcpu->index, a->is_write ? "write" : "read",
		       (unsigned long)a->addr, (unsigned long)pc);
}

/* The GICv3 architecture (Arm IHI 0069, "GIC register access") makes an
 * access not naturally aligned to its size CONSTRAINED UNPREDICTABLE, and no
 * other emulated device defines one. tessera chooses the external abort, for
 * every device, so no handler ever sees such an access and none can forward
 * one to real hardware, where it would be an alignment fault at EL2. */
static bool naturally_aligned(const struct mmio_access *a)
{
	return a->size != 0 && (a->addr & (a->size - 1)) == 0;
}

bool mmio_handle(struct vcpu *vcpu, struct mmio_access *access, uint64_t pc)
{
	struct zone *zone = vcpu->zone;

	if (naturally_aligned(access)) {
		for (unsigned i = 0; i < zone->num_mmio; i++) {
			struct mmio_handler *h = &zone->mmio[i];
			if (range_contains(h->base, h->size, access->addr, access->size) &&
			    h->handle(vcpu, access, h->opaque))
				return true;
		}
	}
	mmio_report_unhandled(vcpu, access, pc);
	return false;
}
