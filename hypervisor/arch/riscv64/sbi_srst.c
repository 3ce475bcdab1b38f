/* SBI SRST extension: a zone's shutdown or reboot stops (or restarts) the
 * zone; zone0's powers off or resets the machine. */
#include <asm/sbi_guest.h>

#include "arch.h"
#include "exit_stats.h"
#include "log.h"
#include "vcpu.h"
#include "zone.h"

#define RESET_TYPE_RESERVED_END 0xf0000000UL

void sbi_zone_system_reset(struct vcpu *vcpu, bool reset)
{
	struct zone *zone = vcpu->zone;

	if (zone->id == ROOT_ZONE_ID) {
		log_info("zone0 asked for system %s", reset ? "reset" : "power-off");
		exit_stats_report();
		if (reset)
			arch_machine_reset();
		arch_machine_power_off();
	}
	log_guest_info(zone, "zone %u (%s) asked for system %s: the zone %s", zone->id, zone->name,
		       reset ? "reset" : "power-off",
		       reset && zone->boot_images.cache_size ? "restarts" : "stops");
	zone_request_stop(zone, reset);
	cpu_run_or_park();
}

/* Types above the warm reboot up to the vendor range are reserved; vendor
 * types mean nothing here. */
struct sbiret sbi_srst_handle(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f)
{
	uint64_t type = f->x[REG_A0];

	if (fid != SBI_SRST_SYSTEM_RESET)
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	if (type > UINT32_MAX || (type > SBI_SRST_WARM_REBOOT && type < RESET_TYPE_RESERVED_END))
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	if (type > SBI_SRST_WARM_REBOOT)
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	sbi_zone_system_reset(vcpu, type != SBI_SRST_SHUTDOWN);
}
