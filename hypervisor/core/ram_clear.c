#include "ram_clear.h"

#include "arch.h"
#include "util.h"

#define CHUNK_BYTES (2ULL << 20)

/* 2^28 chunks of 2 MiB are 512 TiB, more than a 48-bit physical address
 * reaches. A helper would have to stall through 256 stops of the same zone
 * slot to meet its 8-bit generation again. */
#define GENERATION_SHIFT  56
#define GENERATION_MASK   0xffu
#define TOTAL_SHIFT       28
#define CHUNK_FIELD_MASK  ((1ULL << 28) - 1)

static uint64_t claim_word(uint32_t generation, uint64_t total, uint64_t next)
{
	return (uint64_t)(generation & GENERATION_MASK) << GENERATION_SHIFT | total << TOTAL_SHIFT |
	       next;
}

static uint64_t chunks_in(uint64_t size)
{
	return (size + CHUNK_BYTES - 1) / CHUNK_BYTES;
}

static uint64_t count_chunks(const struct zone_config *c)
{
	uint64_t chunks = 0;

	for (uint32_t i = 0; i < c->num_memory_regions; i++)
		if (c->memory_regions[i].type == MEM_TYPE_RAM)
			chunks += chunks_in(c->memory_regions[i].size);
	return chunks;
}

static void clear_chunk(const struct zone_config *c, uint64_t chunk)
{
	for (uint32_t i = 0; i < c->num_memory_regions; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		uint64_t chunks;

		if (r->type != MEM_TYPE_RAM)
			continue;
		chunks = chunks_in(r->size);
		if (chunk < chunks) {
			uint64_t offset = chunk * CHUNK_BYTES;

			arch_clear_memory(r->physical_start + offset, MIN(CHUNK_BYTES, r->size - offset));
			return;
		}
		chunk -= chunks;
	}
}

/* The next chunk of the job of `generation`, or false once none is left. */
static bool take_chunk(struct ram_clear *job, uint32_t generation, uint64_t *chunk)
{
	uint64_t seen = __atomic_load_n(&job->claim, __ATOMIC_ACQUIRE);

	for (;;) {
		uint64_t next = seen & CHUNK_FIELD_MASK;

		if (seen >> GENERATION_SHIFT != (generation & GENERATION_MASK) ||
		    next >= (seen >> TOTAL_SHIFT & CHUNK_FIELD_MASK))
			return false;
		if (__atomic_compare_exchange_n(&job->claim, &seen, seen + 1, false, __ATOMIC_ACQ_REL,
						__ATOMIC_ACQUIRE)) {
			*chunk = next;
			return true;
		}
	}
}

static void clear_chunks(struct ram_clear *job, const struct zone_config *config,
			 uint32_t generation)
{
	uint64_t chunk;

	while (take_chunk(job, generation, &chunk)) {
		clear_chunk(config, chunk);
		__atomic_add_fetch(&job->done, 1, __ATOMIC_RELEASE);
	}
}

void ram_clear_run(struct ram_clear *job, const struct zone_config *config,
		   uint32_t generation)
{
	uint64_t total = count_chunks(config);

	/* No helper can be counting into `done`: a chunk is only taken from a
	 * job that has some left, and the last job waited for all of its own. */
	__atomic_store_n(&job->done, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&job->claim, claim_word(generation, total, 0), __ATOMIC_RELEASE);
	clear_chunks(job, config, generation);
	while (__atomic_load_n(&job->done, __ATOMIC_ACQUIRE) != total)
		arch_cpu_relax();
}

void ram_clear_help(struct ram_clear *job, const struct zone_config *config,
		    uint32_t generation)
{
	clear_chunks(job, config, generation);
}
