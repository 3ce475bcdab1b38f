// SPDX-License-Identifier: GPL-2.0
/*
 * The virtio daemon's mappings of the RAM of zones with virtio devices, and
 * their withdrawal. A stopped zone's RAM is cleared and handed on, so a
 * mapping that outlived its zone would let a late read or received frame
 * land in the next zone's RAM, or fault on RAM zone0 no longer has. Our
 * daemon unmaps it before it confirms a zone's stop to the hypervisor; for
 * any other, nothing is mapped at mmap time: each fault maps a 2 MiB chunk
 * only while it is RAM of a running zone with virtio devices, and anything
 * else gets a scratch page, which the daemon may scribble on without
 * crashing. A shutdown withdraws the zone's RAM once the zone has stopped,
 * a start and an image load before they use the RAM: what is mapped of it
 * is zapped, and a mapping made before the withdrawal gets only the
 * scratch page from then on, so that it never reaches the RAM's next zone
 * (a daemon maps again for that zone).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/pfn.h>
#include <linux/sizes.h>
#include <linux/version.h>

#include <tessera/zone_config.h>

#include "hvisor.h"

#define FAULT_CHUNK SZ_2M

/* Orders faults against withdrawals: a chunk is either mapped before a
 * withdrawal, which then zaps it, or looked at after it. */
static DEFINE_MUTEX(map_mutex);
/* Whose i_mapping every open file of the device uses, so one zap reaches
 * every process's mapping. */
static struct inode *mapping_inode;
static struct page *scratch_page;

/* Withdrawals by range, with the epoch each happened in; a mapping holds
 * the epoch it was made in (vm_private_data). When the table is full it
 * starts again, and every mapping made so far is dead (dead_before). */
#define WITHDRAWALS 32
struct withdrawal {
	u64 start;
	u64 last;
	u64 epoch;
};
static struct withdrawal withdrawals[WITHDRAWALS];
static unsigned int num_withdrawals;
static u64 epoch = 1;
static u64 dead_before;

static bool config_has_virtio(const struct zone_config *config)
{
	u32 i;

	for (i = 0; i < config->num_memory_regions && i < CONFIG_MAX_MEMORY_REGIONS; i++)
		if (config->memory_regions[i].type == MEM_TYPE_VIRTIO)
			return true;
	return false;
}

static bool config_ram_holds(const struct zone_config *config, const struct ram_range *range)
{
	u32 i;

	for (i = 0; i < config->num_memory_regions && i < CONFIG_MAX_MEMORY_REGIONS; i++) {
		const struct memory_region *r = &config->memory_regions[i];

		if (r->type == MEM_TYPE_RAM && r->size && range->start >= r->physical_start &&
		    range->last - r->physical_start <= r->size - 1)
			return true;
	}
	return false;
}

static bool virtio_zone_ram_holds(const struct zone_config *config, void *range)
{
	return config_has_virtio(config) && config_ram_holds(config, range);
}

/* Under map_mutex. */
static bool mappable(u64 start, u64 last)
{
	struct ram_range range = { start, last };

	return zone_memory_holds(start, last) && running_zone_any(virtio_zone_ram_holds, &range) == 1;
}

static u64 vma_first_pa(const struct vm_area_struct *vma)
{
	return (u64)vma->vm_pgoff << PAGE_SHIFT;
}

static u64 vma_last_pa(const struct vm_area_struct *vma)
{
	return vma_first_pa(vma) + (vma->vm_end - vma->vm_start) - 1;
}

/* Under map_mutex. */
static bool withdrawn_since_made(const struct vm_area_struct *vma)
{
	u64 made = (u64)(uintptr_t)vma->vm_private_data;
	unsigned int i;

	if (made < dead_before)
		return true;
	for (i = 0; i < num_withdrawals; i++) {
		const struct withdrawal *w = &withdrawals[i];

		if (w->epoch >= made && w->start <= vma_last_pa(vma) && w->last >= vma_first_pa(vma))
			return true;
	}
	return false;
}

/* Under map_mutex. */
static void record_withdrawal(u64 start, u64 last)
{
	unsigned int i;

	for (i = 0; i < num_withdrawals; i++)
		if (withdrawals[i].start == start && withdrawals[i].last == last)
			break;
	if (i == WITHDRAWALS) {
		dead_before = epoch;
		num_withdrawals = 0;
		i = 0;
	}
	withdrawals[i] = (struct withdrawal){ start, last, epoch };
	if (i == num_withdrawals)
		num_withdrawals++;
	epoch++;
}

static vm_fault_t zone_ram_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long chunk = ALIGN_DOWN(vmf->address, FAULT_CHUNK);
	unsigned long first = max(chunk, vma->vm_start);
	unsigned long end = min(chunk + FAULT_CHUNK, vma->vm_end);
	unsigned long pfn = vma->vm_pgoff + ((first - vma->vm_start) >> PAGE_SHIFT);
	vm_fault_t ret = VM_FAULT_NOPAGE;
	unsigned long addr;

	mutex_lock(&map_mutex);
	if (!withdrawn_since_made(vma) && mappable(PFN_PHYS(pfn), PFN_PHYS(pfn) + (end - first) - 1)) {
		for (addr = first; addr < end && ret == VM_FAULT_NOPAGE; addr += PAGE_SIZE, pfn++)
			ret = vmf_insert_pfn(vma, addr, pfn);
	} else {
		pr_warn_ratelimited("a mapping of %#llx outlived its zone's run: it now reads a scratch page\n",
				    (u64)PFN_PHYS(pfn));
		ret = vmf_insert_pfn(vma, vmf->address, page_to_pfn(scratch_page));
	}
	mutex_unlock(&map_mutex);
	return ret;
}

static const struct vm_operations_struct zone_ram_vm_ops = {
	.fault = zone_ram_fault,
};

int zone_ram_map_mmap(struct vm_area_struct *vma)
{
	u64 start = (u64)vma->vm_pgoff << PAGE_SHIFT;
	u64 last = start + (vma->vm_end - vma->vm_start) - 1;
	bool allowed;

	/* Shared only: a private writable mapping would copy the zone's pages. */
	if (!scratch_page || !(vma->vm_flags & VM_SHARED) || last < start ||
	    vma->vm_pgoff > (U64_MAX >> PAGE_SHIFT))
		return -EINVAL;
	mutex_lock(&map_mutex);
	allowed = mappable(start, last);
	vma->vm_private_data = (void *)(uintptr_t)epoch;
	mutex_unlock(&map_mutex);
	if (!allowed) {
		pr_warn("mmap of %#llx-%#llx refused: not RAM of a running zone with virtio devices\n",
			start, last);
		return -EPERM;
	}
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	vm_flags_set(vma, VM_PFNMAP | VM_IO | VM_DONTEXPAND | VM_DONTDUMP);
#else
	vma->vm_flags |= VM_PFNMAP | VM_IO | VM_DONTEXPAND | VM_DONTDUMP;
#endif
	vma->vm_ops = &zone_ram_vm_ops;
	return 0;
}

void zone_ram_map_open(struct inode *inode, struct file *file)
{
	mutex_lock(&map_mutex);
	if (!mapping_inode)
		mapping_inode = igrab(inode);
	if (mapping_inode)
		file->f_mapping = mapping_inode->i_mapping;
	mutex_unlock(&map_mutex);
}

/* Under map_mutex. */
static void withdraw(u64 start, u64 size)
{
	if (!size || start + (size - 1) < start)
		return;
	record_withdrawal(start, start + (size - 1));
	if (mapping_inode)
		unmap_mapping_range(mapping_inode->i_mapping, start, size, 1);
}

void zone_ram_map_withdraw(u64 start, u64 size)
{
	mutex_lock(&map_mutex);
	withdraw(start, size);
	mutex_unlock(&map_mutex);
}

void zone_ram_map_withdraw_config(const struct zone_config *config)
{
	u32 i;

	mutex_lock(&map_mutex);
	for (i = 0; i < config->num_memory_regions && i < CONFIG_MAX_MEMORY_REGIONS; i++)
		if (config->memory_regions[i].type == MEM_TYPE_RAM)
			withdraw(config->memory_regions[i].physical_start,
				 config->memory_regions[i].size);
	mutex_unlock(&map_mutex);
}

int zone_ram_map_init(void)
{
	scratch_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	return scratch_page ? 0 : -ENOMEM;
}

void zone_ram_map_exit(void)
{
	iput(mapping_inode);
	mapping_inode = NULL;
	if (scratch_page)
		__free_page(scratch_page);
	scratch_page = NULL;
}
