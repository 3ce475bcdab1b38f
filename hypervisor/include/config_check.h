/* Validation of a zone configuration before anything acts on it. Pure logic
 * on the config and the platform description, shared by the hypervisor, the
 * CLI (`tessera config check`) and host tests. Every field is untrusted. */
#ifndef CONFIG_CHECK_H
#define CONFIG_CHECK_H

#include <stdbool.h>
#include <tessera/zone_config.h>

#include "platform.h"

#define MAX_ZONES 8
/* Emulated register windows per zone: the GIC's two, the console of a zone
 * other than the root, and its VIRTIO regions. */
#define MAX_MMIO_HANDLERS 24

/* Why a config was refused: the negative errno a hypercall returns and one
 * sentence that names the field and its value, e.g.
 * "memory_regions[1].physical_start 0x40000000: RAM region overlaps the
 * hypervisor's memory". */
struct config_error {
	int err;
	char message[192];
};

/* Sets e->message (truncated to fit); e->err is the caller's to set. */
void config_error_format(struct config_error *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Everything decidable from the config and the platform alone, including
 * whether the hypervisor can hold the zone (its emulated windows). The root
 * zone (is_root) may have id 0 and share the hypervisor's console UART; any
 * other zone may not. Returns 0 or e->err (-HV_EINVAL). */
int zone_config_check(const struct zone_config *config, const struct platform *plat,
		      bool is_root, struct config_error *e);

/* A non-root config, already passing zone_config_check, against the zones
 * already running (the root zone, id 0, among them): its id, CPUs, memory
 * windows and SPIs must be free. The root zone lends its CPUs, RAM and SPIs
 * but must keep one CPU. Returns 0 or e->err: -HV_ENOMEM when every slot is
 * taken, -HV_EINVAL for an id in use (hvisor's answer), -HV_EBUSY for a
 * resource owned by another zone. */
int zone_config_check_conflicts(const struct zone_config *config,
				const struct zone_config *const running[], unsigned num_running,
				struct config_error *e);

#endif
