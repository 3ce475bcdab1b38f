/* Hypercalls from a zone other than zone0: starting and stopping zones is
 * zone0's alone (-EPERM); ConfigCheck and ZoneList answer, but write only
 * into the caller's own RAM. */
#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "fault_check.h"
#include "hypercall.h"
#include "hypercall_check.h"
#include "tessera/zone_config.h"
#include "trap.h"
#include "zone.h"

#define HC_UNKNOWN 0x7777 /* no hypercall has this code */
#define ZONE_LIST_CAPACITY 4

/* Static, so in this zone's own RAM (translation is off: addresses are
 * guest-physical). */
static struct zone_info zones[ZONE_LIST_CAPACITY];
static struct zone_config start_request;
static volatile uint64_t config_magic;

/* The call must reach the hypervisor (SBI error 0) and return `want`. */
static bool answered(const char *what, struct sbiret ret, long want)
{
	if (failed_with_exception(what))
		return false;
	if (ret.error != SBI_SUCCESS) {
		check_fail(what, "SBI error %ld", ret.error);
		return false;
	}
	if (ret.value != want) {
		check_fail(what, "returned %ld, want %ld", ret.value, want);
		return false;
	}
	return true;
}

static void check_returns(const char *what, uint64_t code, uint64_t arg0, uint64_t arg1, long want)
{
	trap_clear();
	if (answered(what, hypercall(code, arg0, arg1), want))
		check_pass(what);
}

static void check_config_magic(void)
{
	const char *what = "ConfigCheck writes the config magic";

	trap_clear();
	config_magic = 0;
	if (!answered(what, hypercall(HC_CONFIG_CHECK, (uintptr_t)&config_magic, 0), 0))
		return;
	if (config_magic != TESSERA_CONFIG_MAGIC)
		check_fail(what, "magic %lu, want %d", config_magic, TESSERA_CONFIG_MAGIC);
	else
		check_pass(what);
}

static void check_zone_list(void)
{
	const char *what = "ZoneList into own RAM lists zone0 and more";
	bool zone0_listed = false;
	struct sbiret ret;

	trap_clear();
	ret = hypercall(HC_ZONE_LIST, (uintptr_t)zones, ZONE_LIST_CAPACITY);
	if (failed_with_exception(what))
		return;
	for (long i = 0; i < ret.value && i < ZONE_LIST_CAPACITY; i++)
		zone0_listed |= zones[i].zone_id == 0;
	if (ret.error != SBI_SUCCESS || ret.value < 2 || !zone0_listed)
		check_fail(what, "SBI error %ld, returned %ld, zone 0 %s", ret.error, ret.value,
			   zone0_listed ? "listed" : "missing");
	else
		check_pass(what);
}

void check_hypercalls(void)
{
	check_returns("ZoneStart returns -EPERM", HC_ZONE_START, (uintptr_t)&start_request,
		      sizeof(start_request), -HV_EPERM);
	check_returns("ZoneShutdown of zone 0 returns -EPERM", HC_ZONE_SHUTDOWN, 0, 0, -HV_EPERM);
	check_config_magic();
	check_zone_list();
	check_returns("ZoneList into zone0 RAM returns -EFAULT", HC_ZONE_LIST, ZONE0_RAM,
		      ZONE_LIST_CAPACITY, -HV_EFAULT);
	check_returns("unknown hypercall returns -ENOSYS", HC_UNKNOWN, 0, 0, -HV_ENOSYS);
}
