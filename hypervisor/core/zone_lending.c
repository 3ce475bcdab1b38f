#include "zone_lending.h"

#include <tessera/hypercall.h>

#include "log.h"
#include "platform.h"
#include "util.h"
#include "vcpu.h"
#include "virtio_bridge.h"
#include "zone.h"

bool zone_has_virtio(const struct zone_config *c)
{
	for (uint32_t i = 0; i < c->num_memory_regions; i++)
		if (c->memory_regions[i].type == MEM_TYPE_VIRTIO)
			return true;
	return false;
}

static uint64_t borrowed_cpus(const struct zone_config *c)
{
	return c->cpus & __atomic_load_n(&zone_root()->cpus, __ATOMIC_ACQUIRE);
}

/* zone0's virtio bridge page is kernel memory zone0 is using: it cannot
 * become another zone's RAM. */
static int check_bridge_page_kept(const struct zone_config *c, struct config_error *e)
{
	for (uint32_t i = 0; i < c->num_memory_regions; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		if (r->type != MEM_TYPE_RAM || !virtio_bridge_in_range(r->physical_start, r->size))
			continue;
		e->err = -HV_EBUSY;
		config_error_format(e, "memory_regions[%u].physical_start 0x%lx: holds zone0's "
				    "virtio bridge page", i, (unsigned long)r->physical_start);
		return e->err;
	}
	return 0;
}

int root_can_lend(const struct zone_config *c, struct config_error *e)
{
	uint64_t cpus = borrowed_cpus(c);

	if (check_bridge_page_kept(c, e))
		return e->err;

	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++) {
		if (!(cpus & BIT(cpu)) ||
		    __atomic_load_n(&percpus[cpu].vcpu.power, __ATOMIC_ACQUIRE) == VCPU_OFF)
			continue;
		e->err = -HV_EBUSY;
		config_error_format(e, "cpus: CPU %u is online in zone0; take it offline first "
				    "(echo 0 > /sys/devices/system/cpu/cpu%u/online)",
				    cpu, percpus[cpu].vcpu.index);
		return e->err;
	}
	return 0;
}

/* Calls `step` on each piece of zone0's address space that maps RAM of the
 * zone, in order, stopping at the first failure; returns how many pieces
 * succeeded and the error through *err. */
typedef int (*overlap_fn)(uint64_t root_ipa, uint64_t pa, uint64_t size);

static unsigned for_each_root_overlap(const struct zone *zone, overlap_fn step, unsigned limit,
				      int *err)
{
	const struct zone_config *root = platform.root_zone;
	const struct zone_config *c = &zone->config;
	unsigned done = 0;

	*err = 0;
	for (uint32_t i = 0; i < c->num_memory_regions; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		if (r->type != MEM_TYPE_RAM)
			continue;
		for (uint32_t j = 0; j < root->num_memory_regions; j++) {
			const struct memory_region *q = &root->memory_regions[j];
			if (q->type != MEM_TYPE_RAM ||
			    !ranges_overlap(r->physical_start, r->size, q->physical_start, q->size))
				continue;
			uint64_t start = r->physical_start > q->physical_start ? r->physical_start
									      : q->physical_start;
			uint64_t end = MIN(r->physical_start + r->size, q->physical_start + q->size);
			if (done == limit)
				return done;
			*err = step(q->virtual_start + (start - q->physical_start), start, end - start);
			if (*err)
				return done;
			done++;
		}
	}
	return done;
}

static int unmap_from_root(uint64_t root_ipa, uint64_t pa, uint64_t size)
{
	struct zone *root = zone_root();
	int err;

	(void)pa;
	spin_lock(&root->stage2_lock);
	err = stage2_unmap(&root->stage2, root_ipa, size);
	spin_unlock(&root->stage2_lock);
	return err;
}

static int map_into_root(uint64_t root_ipa, uint64_t pa, uint64_t size)
{
	struct zone *root = zone_root();
	int err;

	spin_lock(&root->stage2_lock);
	err = stage2_map(&root->stage2, root_ipa, pa, size, MEM_KIND_NORMAL);
	spin_unlock(&root->stage2_lock);
	return err;
}

static void give_back_ram(const struct zone *zone, unsigned pieces)
{
	int err;

	for_each_root_overlap(zone, map_into_root, pieces, &err);
	if (err)
		log_error("zone %u: zone0 could not map its RAM back (error %d)", zone->id, err);
}

static void give_back_cpus(uint64_t cpus)
{
	struct zone *root = zone_root();

	__atomic_fetch_or(&root->cpus, cpus, __ATOMIC_ACQ_REL);
	root->config.cpus = root->cpus;
}

/* A CPU is lent only while zone0 has it powered off; the vCPU lock orders
 * this against zone0's own PSCI CPU_ON of it. */
static bool take_cpus(uint64_t cpus)
{
	struct zone *root = zone_root();
	uint64_t taken = 0;

	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++) {
		if (!(cpus & BIT(cpu)))
			continue;
		struct vcpu *vcpu = &percpus[cpu].vcpu;
		spin_lock(&vcpu->lock);
		bool off = vcpu->power == VCPU_OFF;
		if (off)
			__atomic_fetch_and(&root->cpus, ~BIT(cpu), __ATOMIC_ACQ_REL);
		spin_unlock(&vcpu->lock);
		if (!off) {
			give_back_cpus(taken);
			return false;
		}
		taken |= BIT(cpu);
	}
	root->config.cpus = root->cpus;
	return true;
}

int root_lend(struct zone *zone)
{
	struct zone *root = zone_root();
	uint64_t cpus = borrowed_cpus(&zone->config);
	int err = 0;

	if (!take_cpus(cpus))
		return -HV_EBUSY;
	if (!zone->shares_ram_with_root) {
		unsigned done = for_each_root_overlap(zone, unmap_from_root, ~0u, &err);
		if (err) {
			give_back_ram(zone, done);
			give_back_cpus(cpus);
			return err;
		}
	}
	for (unsigned w = 0; w < CONFIG_INTERRUPT_WORDS; w++)
		__atomic_fetch_and(&root->config.interrupts_bitmap[w],
				   ~zone->config.interrupts_bitmap[w], __ATOMIC_ACQ_REL);
	return 0;
}

void root_take_back(struct zone *zone)
{
	struct zone *root = zone_root();
	const struct zone_config *original = platform.root_zone;

	if (!zone->shares_ram_with_root)
		give_back_ram(zone, ~0u);
	for (unsigned w = 0; w < CONFIG_INTERRUPT_WORDS; w++)
		__atomic_fetch_or(&root->config.interrupts_bitmap[w],
				  zone->config.interrupts_bitmap[w] & original->interrupts_bitmap[w],
				  __ATOMIC_ACQ_REL);
	give_back_cpus(zone->cpus & original->cpus);
}
