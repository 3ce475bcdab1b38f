/* SBI 0.1, the legacy extensions, which Linux still uses for earlycon=sbi:
 * the timer, the console (output into the hypervisor's log, as a non-root
 * zone's debug console: line by line behind the zone's name, rate
 * limited), clearing the guest's own IPI, and shutdown. The IPI and fence
 * functions take a hart mask by pointer into guest memory; SBI 0.2 replaced
 * them, and they are not offered. */
#include <asm/csr.h>
#include <asm/sbi_guest.h>

#include "debug_console.h"
#include "vcpu.h"
#include "zone.h"

#define NO_INPUT (-1)

static void console_putchar(struct zone *zone, char c)
{
	spin_lock(&zone->console.lock);
	debug_console_transmit(&zone->console, zone, c);
	spin_unlock(&zone->console.lock);
}

bool sbi_legacy_implemented(uint64_t eid)
{
	switch (eid) {
	case SBI_LEGACY_SET_TIMER:
		return sbi_timer_available();
	case SBI_LEGACY_CONSOLE_PUTCHAR:
	case SBI_LEGACY_CONSOLE_GETCHAR:
	case SBI_LEGACY_CLEAR_IPI:
	case SBI_LEGACY_SHUTDOWN:
		return true;
	default:
		return false;
	}
}

int64_t sbi_legacy_handle(struct vcpu *vcpu, uint64_t eid, struct trap_frame *f)
{
	if (!sbi_legacy_implemented(eid))
		return SBI_ERR_NOT_SUPPORTED;
	switch (eid) {
	case SBI_LEGACY_SET_TIMER:
		sbi_set_timer(f->x[REG_A0]);
		return SBI_SUCCESS;
	case SBI_LEGACY_CONSOLE_PUTCHAR:
		console_putchar(vcpu->zone, (char)f->x[REG_A0]);
		return SBI_SUCCESS;
	case SBI_LEGACY_CONSOLE_GETCHAR:
		return NO_INPUT;
	case SBI_LEGACY_CLEAR_IPI:
		csr_clear(CSR_HVIP, 1UL << IRQ_VS_SOFT);
		return SBI_SUCCESS;
	default:
		sbi_zone_system_reset(vcpu, false);
	}
}
