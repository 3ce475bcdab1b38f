/* The /dev/hvisor ioctl ABI between zone0's kernel module and its tools,
 * numbered as hvisor-tool numbers it, so tools built for hvisor work
 * unchanged. Shared by driver/ (kernel) and tools/ (user space). */
#ifndef TESSERA_HVISOR_IOCTL_H
#define TESSERA_HVISOR_IOCTL_H

#ifdef __KERNEL__
#include <linux/ioctl.h>
#include <linux/types.h>
#else
#include <linux/types.h>
#include <sys/ioctl.h>
#endif

#define HVISOR_DEVICE "/dev/hvisor"

struct zone_config;
struct zone_info;

/* HVISOR_ZONE_LIST: the caller's array and its capacity in entries; the
 * module returns how many entries it wrote. */
struct hvisor_zone_list_args {
	__u64 cnt;
	struct zone_info *zones;
};

/* HVISOR_LOAD_IMAGE: copies [user_buffer, +size) to physical load_paddr. */
struct hvisor_load_image_args {
	__u64 user_buffer;
	__u64 size;
	__u64 load_paddr;
};

/* TESSERA_ZONE_CONFIG (tessera's own): the running zone's config. */
struct tessera_zone_config_args {
	__u64 zone_id;
	struct zone_config *config;
};

#define HVISOR_INIT_VIRTIO   _IO(1, 0)
#define HVISOR_FINISH_REQ    _IO(1, 2)
#define HVISOR_ZONE_START    _IOW(1, 3, struct zone_config *)
#define HVISOR_ZONE_SHUTDOWN _IOW(1, 4, __u64)
#define HVISOR_ZONE_LIST     _IOR(1, 5, struct hvisor_zone_list_args *)
#define HVISOR_CONFIG_CHECK  _IOR(1, 6, __u64 *)
#define HVISOR_SET_EVENTFD   _IOW(1, 7, int)
#define HVISOR_LOAD_IMAGE    _IOW(1, 8, struct hvisor_load_image_args)
#define TESSERA_ZONE_CONFIG  _IOW(1, 0x40, struct tessera_zone_config_args)

#endif
