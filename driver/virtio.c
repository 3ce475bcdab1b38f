// SPDX-License-Identifier: GPL-2.0
/*
 * The zone0 end of the virtio trampoline: the bridge page shared with the
 * hypervisor, the wake-up interrupt that becomes an eventfd signal for the
 * daemon, and the only memory the daemon may map: the bridge page, and the
 * RAM of running zones that have virtio devices.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/eventfd.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include <tessera/virtio_bridge.h>
#include <tessera/zone_config.h>

#include "hvisor.h"
#include "hypercall.h"

#define WAKEUP_NODE_COMPATIBLE "hvisor"
/* Far more than the hypervisor's zone slots; bounds the kernel buffer. */
#define ZONES_LISTED 64

static DEFINE_MUTEX(bridge_mutex);
static unsigned long bridge_page;
static DEFINE_SPINLOCK(eventfd_lock);
static struct eventfd_ctx *daemon_eventfd;
static struct file *eventfd_owner;
static int wakeup_irq;

static irqreturn_t wakeup_interrupt(int irq, void *unused)
{
	spin_lock(&eventfd_lock);
	if (daemon_eventfd)
		eventfd_signal(daemon_eventfd, 1);
	spin_unlock(&eventfd_lock);
	return IRQ_HANDLED;
}

void hvisor_virtio_probe(void)
{
	struct device_node *node = of_find_compatible_node(NULL, NULL, WAKEUP_NODE_COMPATIBLE);
	int ret;

	if (!node) {
		pr_info("no \"%s\" node in the device tree: virtio back-ends unavailable\n",
			WAKEUP_NODE_COMPATIBLE);
		return;
	}
	wakeup_irq = irq_of_parse_and_map(node, 0);
	of_node_put(node);
	if (!wakeup_irq) {
		pr_warn("the \"%s\" node has no usable interrupt: virtio back-ends unavailable\n",
			WAKEUP_NODE_COMPATIBLE);
		return;
	}
	ret = request_irq(wakeup_irq, wakeup_interrupt, 0, "hvisor-virtio", NULL);
	if (ret) {
		pr_warn("virtio wake-up interrupt %d: request failed (%d)\n", wakeup_irq, ret);
		wakeup_irq = 0;
	}
}

void hvisor_virtio_remove(struct file *owner_or_null)
{
	spin_lock_irq(&eventfd_lock);
	if (daemon_eventfd && (!owner_or_null || eventfd_owner == owner_or_null)) {
		eventfd_ctx_put(daemon_eventfd);
		daemon_eventfd = NULL;
		eventfd_owner = NULL;
	}
	spin_unlock_irq(&eventfd_lock);
	if (!owner_or_null && wakeup_irq)
		free_irq(wakeup_irq, NULL);
}

/*
 * A page allocated once and never freed: the hypervisor writes requests
 * into it for as long as it runs, so the page must never return to the
 * allocator, even when the module goes. A new daemon gets it zeroed.
 */
long hvisor_virtio_init(void)
{
	long ret;

	if (!wakeup_irq)
		return -ENODEV;
	mutex_lock(&bridge_mutex);
	if (!bridge_page)
		bridge_page = get_zeroed_page(GFP_KERNEL);
	if (!bridge_page) {
		ret = -ENOMEM;
	} else {
		memset((void *)bridge_page, 0, PAGE_SIZE);
		ret = tessera_hypercall(HC_VIRTIO_INIT, virt_to_phys((void *)bridge_page), 0);
	}
	mutex_unlock(&bridge_mutex);
	return ret;
}

long hvisor_virtio_finish_requests(void)
{
	long ret = tessera_hypercall(HC_VIRTIO_INJECT_IRQ, 0, 0);

	return ret < 0 ? ret : 0;
}

long hvisor_virtio_set_eventfd(struct file *owner, int fd)
{
	struct eventfd_ctx *ctx = eventfd_ctx_fdget(fd);
	struct eventfd_ctx *old;

	if (IS_ERR(ctx))
		return PTR_ERR(ctx);
	spin_lock_irq(&eventfd_lock);
	old = daemon_eventfd;
	daemon_eventfd = ctx;
	eventfd_owner = owner;
	spin_unlock_irq(&eventfd_lock);
	if (old)
		eventfd_ctx_put(old);
	return 0;
}

static bool config_has_virtio(const struct zone_config *config)
{
	u32 i;

	for (i = 0; i < config->num_memory_regions && i < CONFIG_MAX_MEMORY_REGIONS; i++)
		if (config->memory_regions[i].type == MEM_TYPE_VIRTIO)
			return true;
	return false;
}

static bool config_ram_holds(const struct zone_config *config, u64 start, u64 size)
{
	u32 i;

	for (i = 0; i < config->num_memory_regions && i < CONFIG_MAX_MEMORY_REGIONS; i++) {
		const struct memory_region *r = &config->memory_regions[i];

		if (r->type == MEM_TYPE_RAM && start >= r->physical_start &&
		    size <= r->size && start - r->physical_start <= r->size - size)
			return true;
	}
	return false;
}

/* Whether [start, start + size) is RAM of a running zone (not zone0) with
 * virtio devices, as the hypervisor knows them now. */
static bool virtio_zone_ram_holds(u64 start, u64 size)
{
	struct zone_info *zones = kcalloc(ZONES_LISTED, sizeof(*zones), GFP_KERNEL);
	struct zone_config *config = kzalloc(sizeof(*config), GFP_KERNEL);
	bool holds = false;
	long n, i;

	if (!zones || !config)
		goto out;
	n = tessera_hypercall(HC_ZONE_LIST, virt_to_phys(zones), ZONES_LISTED);
	for (i = 0; i < min_t(long, n, ZONES_LISTED) && !holds; i++) {
		if (zones[i].zone_id == 0 ||
		    tessera_hypercall(HC_ZONE_CONFIG_GET, zones[i].zone_id, virt_to_phys(config)))
			continue;
		holds = config_has_virtio(config) && config_ram_holds(config, start, size);
	}
out:
	kfree(config);
	kfree(zones);
	return holds;
}

int hvisor_virtio_mmap(struct vm_area_struct *vma)
{
	u64 size = vma->vm_end - vma->vm_start;
	u64 start;

	if (vma->vm_pgoff == 0) {
		if (size != PAGE_SIZE || !READ_ONCE(bridge_page))
			return -EINVAL;
		return remap_pfn_range(vma, vma->vm_start,
				       virt_to_phys((void *)bridge_page) >> PAGE_SHIFT,
				       PAGE_SIZE, vma->vm_page_prot);
	}
	start = (u64)vma->vm_pgoff << PAGE_SHIFT;
	if (!zone_memory_holds(start, start + size - 1) || !virtio_zone_ram_holds(start, size)) {
		pr_warn("mmap of %#llx-%#llx refused: not RAM of a running zone with virtio devices\n",
			start, start + size - 1);
		return -EPERM;
	}
	return remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff, size, vma->vm_page_prot);
}
