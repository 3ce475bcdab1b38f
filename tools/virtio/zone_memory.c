#include "zone_memory.h"

#include <errno.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/types.h>

static void unmap_first(struct zone_memory *memory, unsigned count)
{
	for (unsigned i = 0; i < count; i++) {
		munmap(memory->regions[i].local, memory->regions[i].size);
		memory->regions[i].local = NULL;
	}
}

void *zone_memory_translate(const struct zone_memory *memory, uint64_t address, uint64_t len)
{
	if (!memory->mapped)
		return NULL;
	for (unsigned i = 0; i < memory->num_regions; i++) {
		const struct zone_memory_region *r = &memory->regions[i];
		/* Subtractions only, so no sum can wrap past 2^64. */
		if (address < r->zone_address)
			continue;
		uint64_t offset = address - r->zone_address;
		if (offset < r->size && len <= r->size - offset)
			return r->local + offset;
	}
	return NULL;
}

int zone_memory_map(struct zone_memory *memory, int hvisor_fd)
{
	for (unsigned i = 0; i < memory->num_regions; i++) {
		struct zone_memory_region *r = &memory->regions[i];
		void *local = mmap(NULL, r->size, PROT_READ | PROT_WRITE, MAP_SHARED, hvisor_fd,
				   (off_t)r->zone0_address);
		if (local == MAP_FAILED) {
			int err = errno;
			unmap_first(memory, i);
			return err;
		}
		r->local = local;
	}
	memory->mapped = true;
	return 0;
}

void zone_memory_unmap(struct zone_memory *memory)
{
	if (!memory->mapped)
		return;
	unmap_first(memory, memory->num_regions);
	memory->mapped = false;
}
