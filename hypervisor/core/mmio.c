#include "mmio.h"

#include <tessera/hypercall.h>

#include "arch.h"
#include "log.h"
#include "util.h"
#include "vcpu.h"
#include "zone.h"

#define UNHANDLED_LOG_WINDOW_NS 1000000000ULL
#define UNHANDLED_LOG_PER_WINDOW 10

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
	struct unhandled_access_log *l = &vcpu->zone->unhandled;
	uint64_t now = arch_time_ns();
	unsigned suppressed = 0;
	bool print;

	spin_lock(&l->lock);
	if (now - l->window_start_ns >= UNHANDLED_LOG_WINDOW_NS) {
		suppressed = l->suppressed;
		l->window_start_ns = now;
		l->logged_in_window = 0;
		l->suppressed = 0;
	}
	print = l->logged_in_window < UNHANDLED_LOG_PER_WINDOW;
	if (print)
		l->logged_in_window++;
	else
		l->suppressed++;
	spin_unlock(&l->lock);

	if (suppressed)
		log_warn("zone %u: %u more unhandled accesses not shown", vcpu->zone->id, suppressed);
	if (print)
		log_warn("zone %u vcpu %u: unhandled %s at 0x%lx (pc 0x%lx): external abort to "
			 "the guest",
			 vcpu->zone->id, vcpu->index, a->is_write ? "write" : "read",
			 (unsigned long)a->addr, (unsigned long)pc);
}

bool mmio_handle(struct vcpu *vcpu, struct mmio_access *access, uint64_t pc)
{
	struct zone *zone = vcpu->zone;

	for (unsigned i = 0; i < zone->num_mmio; i++) {
		struct mmio_handler *h = &zone->mmio[i];
		if (range_contains(h->base, h->size, access->addr, access->size) &&
		    h->handle(vcpu, access, h->opaque))
			return true;
	}
	mmio_report_unhandled(vcpu, access, pc);
	return false;
}
