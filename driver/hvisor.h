/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HVISOR_H
#define HVISOR_H

#include <linux/types.h>
#include <tessera/hvisor_ioctl.h>

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
/* Drops the daemon's eventfd if `owner_or_null` set it; with NULL (module
 * exit) drops it whoever set it and frees the wake-up interrupt. */
void hvisor_virtio_remove(struct file *owner_or_null);
long hvisor_virtio_init(void);
long hvisor_virtio_finish_requests(void);
long hvisor_virtio_set_eventfd(struct file *owner, int fd);
int hvisor_virtio_mmap(struct vm_area_struct *vma);

#endif
