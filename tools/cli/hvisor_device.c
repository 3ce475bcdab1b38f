#include "hvisor_device.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <tessera/hvisor_ioctl.h>

int hvisor_device_open(struct message *m)
{
	int fd = open(HVISOR_DEVICE, O_RDWR | O_CLOEXEC);

	if (fd >= 0)
		return fd;
	if (errno == ENOENT || errno == ENXIO || errno == ENODEV)
		message_set(m, "%s: %s; this command runs in zone0 with the hvisor kernel module loaded",
			    HVISOR_DEVICE, strerror(errno));
	else
		message_set(m, "%s: %s", HVISOR_DEVICE, strerror(errno));
	return -1;
}

static int request(int fd, unsigned long code, unsigned long arg)
{
	long result = ioctl(fd, code, arg);

	return result < 0 ? errno : 0;
}

int hvisor_config_magic(int fd, uint64_t *magic)
{
	return request(fd, HVISOR_CONFIG_CHECK, (unsigned long)magic);
}

int hvisor_load_image(int fd, const void *data, uint64_t size, uint64_t load_paddr)
{
	struct hvisor_load_image_args args = {
		.user_buffer = (uintptr_t)data,
		.size = size,
		.load_paddr = load_paddr,
	};

	return request(fd, HVISOR_LOAD_IMAGE, (unsigned long)&args);
}

int hvisor_zone_start(int fd, const struct zone_config *config)
{
	return request(fd, HVISOR_ZONE_START, (unsigned long)config);
}

int hvisor_zone_shutdown(int fd, uint64_t zone_id)
{
	return request(fd, HVISOR_ZONE_SHUTDOWN, (unsigned long)zone_id);
}

int hvisor_zone_list(int fd, struct zone_info *zones, unsigned capacity, unsigned *count)
{
	struct hvisor_zone_list_args args = { .cnt = capacity, .zones = zones };
	long written = ioctl(fd, HVISOR_ZONE_LIST, (unsigned long)&args);

	if (written < 0)
		return errno;
	*count = (unsigned)written < capacity ? (unsigned)written : capacity;
	return 0;
}

/* hvisor-tool's module answers a request it does not know with EINVAL,
 * other modules with ENOTTY; tessera's answers neither to
 * TESSERA_ZONE_CONFIG for a zone id that fits 32 bits. Once a module is
 * found not to be tessera's, it is said once, and never asked again. */
static bool module_is_foreign;

int hvisor_zone_config(int fd, uint64_t zone_id, struct zone_config *config)
{
	struct tessera_zone_config_args args = { .zone_id = zone_id, .config = config };
	int err;

	if (module_is_foreign)
		return ENOTTY;
	err = request(fd, TESSERA_ZONE_CONFIG, (unsigned long)&args);
	if (zone_id > UINT32_MAX || (err != EINVAL && err != ENOTTY))
		return err;
	module_is_foreign = true;
	fprintf(stderr, "tessera: the kernel module behind %s is not tessera's (hvisor-tool's?): "
			"it does not tell zones' configs, so their memory and SPIs are not shown and "
			"a zone start is checked by the hypervisor alone\n", HVISOR_DEVICE);
	return ENOTTY;
}
