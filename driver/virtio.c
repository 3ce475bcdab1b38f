// SPDX-License-Identifier: GPL-2.0
/*
 * The zone0 end of the virtio trampoline: the bridge page shared with the
 * hypervisor, the wake-up interrupt that becomes an eventfd signal for the
 * daemon, and the daemon's mapping of the bridge page (its mappings of
 * zones' RAM are zone_ram_map.c's).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/eventfd.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/spinlock.h>
#include <linux/version.h>

#include <tessera/virtio_bridge.h>

#include "hvisor.h"
#include "hypercall.h"

#define WAKEUP_NODE_COMPATIBLE "hvisor"
static DEFINE_MUTEX(bridge_mutex);
static unsigned long bridge_page;
/* The file through which the daemon serving the bridge registered it. */
static struct file *bridge_owner;
static DEFINE_SPINLOCK(eventfd_lock);
static struct eventfd_ctx *daemon_eventfd;
static struct file *eventfd_owner;
static int wakeup_irq;

/* Linux 6.8 dropped eventfd_signal's count, which was always 1 here:
 * zone0's kernel is 6.1 on arm64 (Debian 12) and 6.12 on riscv64 (Debian 13). */
static void signal_daemon(struct eventfd_ctx *ctx)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
	eventfd_signal(ctx);
#else
	eventfd_signal(ctx, 1);
#endif
}

static irqreturn_t wakeup_interrupt(int irq, void *unused)
{
	spin_lock(&eventfd_lock);
	if (daemon_eventfd)
		signal_daemon(daemon_eventfd);
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

/* A daemon that closes /dev/hvisor, or dies, serves nothing any more: the
 * hypervisor drops its bridge, so that zones' accesses fail at once
 * instead of each waiting for an answer that never comes. */
static void bridge_release(struct file *owner)
{
	long ret;

	mutex_lock(&bridge_mutex);
	if (owner && owner == bridge_owner) {
		bridge_owner = NULL;
		ret = tessera_hypercall(HC_VIRTIO_EXIT, virt_to_phys((void *)bridge_page), 0);
		if (ret)
			pr_warn("the hypervisor kept the virtio bridge of a daemon that left (%ld)\n",
				ret);
	}
	mutex_unlock(&bridge_mutex);
}

void hvisor_virtio_remove(struct file *owner_or_null)
{
	bridge_release(owner_or_null);
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
long hvisor_virtio_init(struct file *owner)
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
		if (!ret)
			bridge_owner = owner;
	}
	mutex_unlock(&bridge_mutex);
	return ret;
}

long hvisor_virtio_finish_requests(void)
{
	return tessera_hypercall(HC_VIRTIO_INJECT_IRQ, 0, 0);
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

int hvisor_virtio_mmap_bridge(struct vm_area_struct *vma)
{
	if (vma->vm_end - vma->vm_start != PAGE_SIZE || !READ_ONCE(bridge_page))
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, virt_to_phys((void *)bridge_page) >> PAGE_SHIFT,
			       PAGE_SIZE, vma->vm_page_prot);
}
