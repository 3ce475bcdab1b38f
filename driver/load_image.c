// SPDX-License-Identifier: GPL-2.0
/*
 * HVISOR_LOAD_IMAGE: hvisor-tool loads a zone's kernel, DTB and modules
 * itself, before the zone exists, by writing them into the zone's physical
 * memory from zone0.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/io.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/sched/signal.h>
#include <linux/sizes.h>
#include <linux/uaccess.h>
#ifdef CONFIG_ARM64
#include <asm/barrier.h>
#include <asm/cpufeature.h>
#include <asm/sysreg.h>
#endif

#include <tessera/zone_config.h>

#include "hvisor.h"

/* Mapped and copied a window at a time, so a large image needs no large
 * mapping and a fatal signal is noticed. */
#define LOAD_WINDOW SZ_2M

#ifdef CONFIG_ARM64
/*
 * The zone starts with its MMU and caches off, so the image must reach the
 * point of coherency. The lines are invalidated as well: a clean copy left
 * behind would be stale once the zone writes that memory uncached and later
 * reads it with caches on. No exported kernel helper cleans and invalidates
 * to PoC, hence the loop; the sanitised CTR_EL0 gives the smallest D-cache
 * line of all CPUs.
 */
static void clean_inval_dcache_poc(void *addr, size_t size)
{
	u64 ctr = read_sanitised_ftr_reg(SYS_CTR_EL0);
	unsigned long line = 4UL << cpuid_feature_extract_unsigned_field(ctr,
						CTR_EL0_DminLine_SHIFT);
	unsigned long end = (unsigned long)addr + size;
	unsigned long p;

	for (p = ALIGN_DOWN((unsigned long)addr, line); p < end; p += line)
		asm volatile("dc civac, %0" : : "r" (p) : "memory");
	dsb(sy);
}
#else
/*
 * RISC-V keeps main memory coherent for every access, with the MMU on or
 * off (its cacheability is a physical memory attribute, not a page table
 * one), so the image needs no maintenance.
 */
static void clean_inval_dcache_poc(void *addr, size_t size)
{
}
#endif

static long load_window(phys_addr_t pa, const void __user *src, size_t size)
{
	void *dst = memremap(pa, size, MEMREMAP_WB);
	unsigned long uncopied;

	if (!dst)
		return -ENOMEM;
	uncopied = copy_from_user(dst, src, size);
	if (!uncopied)
		clean_inval_dcache_poc(dst, size);
	memunmap(dst);
	return uncopied ? -EFAULT : 0;
}

static bool zone_ram_overlaps(const struct zone_config *config, void *arg)
{
	const struct ram_range *range = arg;
	u32 i;

	for (i = 0; i < config->num_memory_regions && i < CONFIG_MAX_MEMORY_REGIONS; i++) {
		const struct memory_region *r = &config->memory_regions[i];

		if (r->type == MEM_TYPE_RAM && r->size && range->start <= r->physical_start + (r->size - 1) &&
		    range->last >= r->physical_start)
			return true;
	}
	return false;
}

/*
 * A running zone's RAM is not zone0's: its stage-2 no longer maps it, and
 * a write there would be an external abort in zone0's kernel.
 */
static long load(const struct hvisor_load_image_args *args, phys_addr_t last)
{
	struct ram_range range = { args->load_paddr, last };
	const u8 __user *src = u64_to_user_ptr(args->user_buffer);
	phys_addr_t pa = args->load_paddr;
	int taken = running_zone_any(zone_ram_overlaps, &range);
	u64 left;
	size_t size;
	long ret;

	if (taken) {
		pr_warn("load of [%#llx-%#llx] refused: %s\n", args->load_paddr, last,
			taken > 0 ? "a running zone has that RAM; shut it down first"
				  : "the running zones cannot be read");
		return taken > 0 ? -EBUSY : taken;
	}
	/* What a daemon still maps of an earlier zone's RAM goes first. */
	zone_ram_map_withdraw(args->load_paddr, args->size);
	for (left = args->size; left; left -= size) {
		size = min_t(u64, left, LOAD_WINDOW);
		if (fatal_signal_pending(current))
			return -EINTR;
		ret = load_window(pa, src, size);
		if (ret)
			return ret;
		pa += size;
		src += size;
		cond_resched();
	}
	return 0;
}

long hvisor_load_image(const struct hvisor_load_image_args __user *uargs)
{
	struct hvisor_load_image_args args;
	phys_addr_t last;
	long ret;

	if (copy_from_user(&args, uargs, sizeof(args)))
		return -EFAULT;
	if (!args.size ||
	    check_add_overflow(args.load_paddr, args.size - 1, &last))
		return -EINVAL;
	if (!zone_memory_holds(args.load_paddr, last)) {
		pr_warn("load of [%#llx-%#llx] refused: not in no-map reserved-memory outside System RAM\n",
			args.load_paddr, last);
		return -EINVAL;
	}

	/* No zone may start on this RAM while it is written. */
	mutex_lock(&zone_lifecycle_mutex);
	ret = load(&args, last);
	mutex_unlock(&zone_lifecycle_mutex);
	return ret;
}
