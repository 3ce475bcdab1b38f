/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HVISOR_H
#define HVISOR_H

#include <linux/types.h>
#include <tessera/hvisor_ioctl.h>

struct zone_config;
struct mutex;

long hvisor_config_check(u64 *magic);
long hvisor_ioctl_config_check(u64 __user *umagic);
long hvisor_zone_start(const struct zone_config __user *uconfig);
long hvisor_zone_shutdown(u64 zone_id);
long hvisor_zone_list(struct hvisor_zone_list_args __user *uargs);
long tessera_zone_config(struct tessera_zone_config_args __user *uargs);

bool zone_memory_holds(phys_addr_t start, phys_addr_t last);
long zone_config_check_ram(const struct zone_config *config);
long hvisor_load_image(const struct hvisor_load_image_args __user *uargs);

struct file;
struct vm_area_struct;
void hvisor_virtio_probe(void);
/* Drops the daemon's eventfd if `owner_or_null` set it, and its bridge if
 * it registered the bridge; with NULL (module exit) drops the eventfd
 * whoever set it and frees the wake-up interrupt. */
void hvisor_virtio_remove(struct file *owner_or_null);
/* Registers the bridge page for the daemon that opened `owner`. */
long hvisor_virtio_init(struct file *owner);
long hvisor_virtio_finish_requests(void);
long hvisor_virtio_set_eventfd(struct file *owner, int fd);
int hvisor_virtio_mmap_bridge(struct vm_area_struct *vma);

/* 1 if `test` holds for the config of a zone the hypervisor runs now
 * (zone0 aside), 0 if for none, or -errno if the zones cannot be read. */
int running_zone_any(bool (*test)(const struct zone_config *config, void *arg), void *arg);

/* Physical [start, last], as the tests of running_zone_any take it. */
struct ram_range {
	u64 start;
	u64 last;
};

/* Zone starts and image loads, one at a time: a load checks that no
 * running zone has the RAM it writes. */
extern struct mutex zone_lifecycle_mutex;

struct inode;
int zone_ram_map_init(void);
void zone_ram_map_exit(void);
void zone_ram_map_open(struct inode *inode, struct file *file);
int zone_ram_map_mmap(struct vm_area_struct *vma);
/* Withdraws [start, start + size), or the config's RAM, from the daemon's
 * mappings: what is mapped is zapped, and a mapping made before now gets
 * only the scratch page from then on. */
void zone_ram_map_withdraw(u64 start, u64 size);
void zone_ram_map_withdraw_config(const struct zone_config *config);

#endif
