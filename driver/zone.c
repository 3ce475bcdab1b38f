// SPDX-License-Identifier: GPL-2.0
/*
 * The zone hypercalls. Every buffer the hypervisor reads or writes is
 * kmalloc'd: it is addressed by physical address, so it must be physically
 * contiguous, which neither the (vmapped) stack nor module data is.
 */
#include <linux/err.h>
#include <linux/io.h>
#include <linux/minmax.h>
#include <linux/delay.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <tessera/zone_config.h>

#include "hvisor.h"
#include "hypercall.h"

/* Far more than the hypervisor's zone slots; bounds the kernel buffer. */
#define ZONE_LIST_MAX 64

long hvisor_config_check(u64 *magic)
{
	u64 *buf = kzalloc(sizeof(*buf), GFP_KERNEL);
	long ret;

	if (!buf)
		return -ENOMEM;
	ret = tessera_hypercall(HC_CONFIG_CHECK, virt_to_phys(buf), 0);
	*magic = *buf;
	kfree(buf);
	return ret;
}

long hvisor_ioctl_config_check(u64 __user *umagic)
{
	u64 magic;
	long ret = hvisor_config_check(&magic);

	if (ret)
		return ret;
	return put_user(magic, umagic);
}

DEFINE_MUTEX(zone_lifecycle_mutex);

long hvisor_zone_start(const struct zone_config __user *uconfig)
{
	struct zone_config *config = memdup_user(uconfig, sizeof(*config));
	long ret;

	if (IS_ERR(config))
		return PTR_ERR(config);
	ret = zone_config_check_ram(config);
	if (!ret) {
		/* A daemon's mapping left from the RAM's last zone is not
		 * carried into this one's. */
		zone_ram_map_withdraw_config(config);
		mutex_lock(&zone_lifecycle_mutex);
		ret = tessera_hypercall(HC_ZONE_START, virt_to_phys(config),
					sizeof(*config));
		mutex_unlock(&zone_lifecycle_mutex);
	}
	kfree(config);
	return ret;
}

/*
 * The stop's release may wait for the virtio daemon's answer to its resets:
 * the hypervisor hands the call back every millisecond or so, and this
 * task sleeps meanwhile, so that the daemon runs even on zone0's only CPU.
 */
static long shutdown_waiting_in_zone0(u64 zone_id)
{
	long ret = HC_SHUTDOWN_TOKEN;

	do {
		ret = tessera_hypercall(HC_ZONE_SHUTDOWN, zone_id, ret);
		if (ret > 0)
			usleep_range(500, 1000);
	} while (ret > 0);
	return ret;
}

/*
 * The hypervisor clears a stopped zone's RAM once the daemon has confirmed
 * that it dropped the zone's queues and mappings; a daemon that does not
 * confirm (or does not unmap) loses what it still maps of that RAM here, so
 * that it can never reach the RAM's next zone.
 */
long hvisor_zone_shutdown(u64 zone_id)
{
	struct zone_config *config = kzalloc(sizeof(*config), GFP_KERNEL);
	bool known;
	long ret;

	if (!config)
		return -ENOMEM;
	known = zone_id != 0 &&
		!tessera_hypercall(HC_ZONE_CONFIG_GET, zone_id, virt_to_phys(config));
	ret = shutdown_waiting_in_zone0(zone_id);
	if (known)
		zone_ram_map_withdraw_config(config);
	kfree(config);
	return ret;
}

long hvisor_zone_list(struct hvisor_zone_list_args __user *uargs)
{
	struct hvisor_zone_list_args args;
	struct zone_info *zones;
	size_t capacity;
	long ret;

	if (copy_from_user(&args, uargs, sizeof(args)))
		return -EFAULT;
	capacity = min_t(u64, args.cnt, ZONE_LIST_MAX);
	if (!capacity)
		return 0;

	zones = kcalloc(capacity, sizeof(*zones), GFP_KERNEL);
	if (!zones)
		return -ENOMEM;
	ret = tessera_hypercall(HC_ZONE_LIST, virt_to_phys(zones), capacity);
	if (ret > 0) {
		/* Never trust a count beyond the buffer the hypervisor got. */
		ret = min_t(long, ret, capacity);
		if (copy_to_user((struct zone_info __user *)args.zones, zones,
				 ret * sizeof(*zones)))
			ret = -EFAULT;
	}
	kfree(zones);
	return ret;
}

long tessera_zone_config(struct tessera_zone_config_args __user *uargs)
{
	struct tessera_zone_config_args args;
	struct zone_config *config;
	long ret;

	if (copy_from_user(&args, uargs, sizeof(args)))
		return -EFAULT;

	config = kzalloc(sizeof(*config), GFP_KERNEL);
	if (!config)
		return -ENOMEM;
	ret = tessera_hypercall(HC_ZONE_CONFIG_GET, args.zone_id,
				virt_to_phys(config));
	if (!ret && copy_to_user((struct zone_config __user *)args.config,
				 config, sizeof(*config)))
		ret = -EFAULT;
	kfree(config);
	return ret;
}
