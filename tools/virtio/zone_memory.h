/* A zone's RAM as the daemon sees it: the zone's guest-physical ranges and
 * where each lies in zone0 (from the virtio JSON's memory_region), mapped
 * through /dev/hvisor on first use. Every guest address the daemon follows
 * goes through zone_memory_translate, which is what keeps a guest's
 * descriptors from pointing the daemon anywhere but into that guest's RAM. */
#ifndef ZONE_MEMORY_H
#define ZONE_MEMORY_H

#include <stdbool.h>
#include <stdint.h>

#define ZONE_MEMORY_MAX_REGIONS 8

struct zone_memory_region {
	uint64_t zone_address;      /* zonex_ipa: where the guest sees it */
	uint64_t zone0_address;     /* zone0_ipa: the mmap offset on /dev/hvisor */
	uint64_t size;
	uint8_t *local;             /* the mapping, once mapped */
};

struct zone_memory {
	unsigned num_regions;
	struct zone_memory_region regions[ZONE_MEMORY_MAX_REGIONS];
	bool mapped;
};

/* The local address of guest range [address, address + len), or NULL unless
 * the memory is mapped and one region holds the whole range. */
void *zone_memory_translate(const struct zone_memory *memory, uint64_t address, uint64_t len);

/* Maps every region; 0, or an errno with nothing left mapped. The module
 * allows it only while the zone runs, hence "on first use". */
int zone_memory_map(struct zone_memory *memory, int hvisor_fd);

void zone_memory_unmap(struct zone_memory *memory);

#endif
