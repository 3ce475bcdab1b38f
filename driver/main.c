// SPDX-License-Identifier: GPL-2.0
/*
 * zone0's interface to the tessera hypervisor: /dev/hvisor with hvisor-tool's
 * ioctls, so tools written for hvisor drive tessera unchanged.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>

#include <tessera/hypercall.h>

#include "hvisor.h"

static int hvisor_open(struct inode *inode, struct file *file)
{
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	zone_ram_map_open(inode, file);
	return 0;
}

static long hvisor_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case HVISOR_CONFIG_CHECK:
		return hvisor_ioctl_config_check(uarg);
	case HVISOR_ZONE_START:
		return hvisor_zone_start(uarg);
	case HVISOR_ZONE_SHUTDOWN:
		return hvisor_zone_shutdown(arg);
	case HVISOR_ZONE_LIST:
		return hvisor_zone_list(uarg);
	case TESSERA_ZONE_CONFIG:
		return tessera_zone_config(uarg);
	case HVISOR_LOAD_IMAGE:
		return hvisor_load_image(uarg);
	case HVISOR_INIT_VIRTIO:
		return hvisor_virtio_init(file);
	case HVISOR_FINISH_REQ:
		return hvisor_virtio_finish_requests();
	case HVISOR_SET_EVENTFD:
		return hvisor_virtio_set_eventfd(file, (int)arg);
	default:
		return -ENOTTY;
	}
}

static int hvisor_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_pgoff == 0)
		return hvisor_virtio_mmap_bridge(vma);
	return zone_ram_map_mmap(vma);
}

static int hvisor_release(struct inode *inode, struct file *file)
{
	hvisor_virtio_remove(file);
	return 0;
}

static const struct file_operations hvisor_fops = {
	.owner = THIS_MODULE,
	.open = hvisor_open,
	.release = hvisor_release,
	.mmap = hvisor_mmap,
	.unlocked_ioctl = hvisor_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice hvisor_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "hvisor",
	.fops = &hvisor_fops,
	.mode = 0600,
};

static int __init hvisor_init(void)
{
	u64 magic;
	long ret = hvisor_config_check(&magic);

	/* The device still comes up, so a user can see what the tool says. */
	if (ret)
		pr_warn("hypervisor config check failed (%ld)\n", ret);
	else if (magic != TESSERA_CONFIG_MAGIC)
		pr_warn("hypervisor config magic %llu, expected %d\n",
			magic, TESSERA_CONFIG_MAGIC);
	else
		pr_info("tessera hypervisor found, config magic %llu\n", magic);

	ret = zone_ram_map_init();
	if (ret)
		return ret;
	hvisor_virtio_probe();
	ret = misc_register(&hvisor_misc);
	if (ret) {
		hvisor_virtio_remove(NULL);
		zone_ram_map_exit();
	}
	return ret;
}

static void __exit hvisor_exit(void)
{
	misc_deregister(&hvisor_misc);
	hvisor_virtio_remove(NULL);
	zone_ram_map_exit();
}

module_init(hvisor_init);
module_exit(hvisor_exit);

MODULE_DESCRIPTION("zone0 interface to the tessera hypervisor (hvisor-compatible)");
MODULE_LICENSE("GPL");
