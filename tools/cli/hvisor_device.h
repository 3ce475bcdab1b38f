/* zone0's door to the hypervisor: /dev/hvisor and its ioctls (hvisor-tool's
 * numbering, include/tessera/hvisor_ioctl.h). Each request returns 0 or the
 * errno the kernel module or the hypervisor answered. */
#ifndef HVISOR_DEVICE_H
#define HVISOR_DEVICE_H

#include <stdint.h>
#include <tessera/zone_config.h>

#include "message.h"

/* The open device, or -1 with a message that says what is missing. */
int hvisor_device_open(struct message *m);

int hvisor_config_magic(int fd, uint64_t *magic);
int hvisor_load_image(int fd, const void *data, uint64_t size, uint64_t load_paddr);
int hvisor_zone_start(int fd, const struct zone_config *config);
int hvisor_zone_shutdown(int fd, uint64_t zone_id);
/* Fills up to `capacity` entries; *count says how many. */
int hvisor_zone_list(int fd, struct zone_info *zones, unsigned capacity, unsigned *count);
/* tessera only: the running zone's config. ENOTTY from a module that is
 * not tessera's (hvisor-tool's answers EINVAL), said once on stderr. */
int hvisor_zone_config(int fd, uint64_t zone_id, struct zone_config *config);

#endif
