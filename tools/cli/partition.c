#include "partition.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "describe.h"
#include "zone_interrupts.h"

#define NO_CLAIM 0xff
#define MAX_BOUNDARIES (PARTITION_MAX_ZONES * CONFIG_MAX_MEMORY_REGIONS * 2)

/* What each zone has on one resource: NO_CLAIM or a memory region type. */
struct claims {
	uint8_t by_zone[PARTITION_MAX_ZONES];
};

static void print_line(FILE *out, const char *kind, const char *where, const char *size,
		       const struct partition_zone zones[], unsigned count,
		       const struct claims *claims, bool with_type, unsigned *conflicts)
{
	unsigned owners = 0;

	fprintf(out, "%-6s %-23s %-9s ", kind, where, size);
	for (unsigned z = 0; z < count; z++) {
		if (claims->by_zone[z] == NO_CLAIM)
			continue;
		fprintf(out, "%s%s", owners++ ? ", " : "", zones[z].label);
		if (with_type)
			fprintf(out, " (%s)", memory_type_name(claims->by_zone[z]));
	}
	if (!owners)
		fputs("free", out);
	if (owners > 1) {
		fputs("  CONFLICT", out);
		(*conflicts)++;
	}
	fputc('\n', out);
}

static bool is_physical(const struct memory_region *r)
{
	return (r->type == MEM_TYPE_RAM || r->type == MEM_TYPE_IO) && r->size &&
	       r->physical_start + r->size > r->physical_start;
}

static int compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a;
	uint64_t y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static unsigned region_count(const struct zone_config *c)
{
	return c->num_memory_regions < CONFIG_MAX_MEMORY_REGIONS ? c->num_memory_regions
								 : CONFIG_MAX_MEMORY_REGIONS;
}

/* The start and end of every physical region, sorted: between two
 * neighbours each zone claims all or nothing. */
static unsigned collect_boundaries(const struct partition_zone zones[], unsigned count,
				   uint64_t boundaries[MAX_BOUNDARIES])
{
	unsigned n = 0;

	for (unsigned z = 0; z < count; z++) {
		const struct zone_config *c = zones[z].config;
		for (unsigned i = 0; i < region_count(c); i++) {
			const struct memory_region *r = &c->memory_regions[i];
			if (!is_physical(r))
				continue;
			boundaries[n++] = r->physical_start;
			boundaries[n++] = r->physical_start + r->size;
		}
	}
	qsort(boundaries, n, sizeof(boundaries[0]), compare_u64);
	return n;
}

static struct claims memory_claims(const struct partition_zone zones[], unsigned count,
				   uint64_t addr)
{
	struct claims claims;

	memset(&claims, NO_CLAIM, sizeof(claims));
	for (unsigned z = 0; z < count; z++) {
		const struct zone_config *c = zones[z].config;
		for (unsigned i = 0; i < region_count(c); i++) {
			const struct memory_region *r = &c->memory_regions[i];
			if (is_physical(r) && addr >= r->physical_start &&
			    addr - r->physical_start < r->size)
				claims.by_zone[z] = (uint8_t)r->type;
		}
	}
	return claims;
}

static void print_memory_range(FILE *out, const struct partition_zone zones[], unsigned count,
			       uint64_t start, uint64_t end, const struct claims *claims,
			       unsigned *conflicts)
{
	char where[48];
	char size[32];

	snprintf(where, sizeof(where), "0x%08" PRIx64 "-0x%08" PRIx64, start, end - 1);
	describe_size(end - start, size, sizeof(size));
	print_line(out, "memory", where, size, zones, count, claims, true, conflicts);
}

static void print_memory(FILE *out, const struct partition_zone zones[], unsigned count,
			 unsigned *conflicts)
{
	static uint64_t boundaries[MAX_BOUNDARIES];
	unsigned n = collect_boundaries(zones, count, boundaries);
	struct claims run;
	uint64_t run_start = 0;
	uint64_t run_end = 0;
	bool in_run = false;

	for (unsigned k = 0; k + 1 < n; k++) {
		if (boundaries[k] == boundaries[k + 1])
			continue;
		struct claims piece = memory_claims(zones, count, boundaries[k]);
		if (in_run && run_end == boundaries[k] && memcmp(&piece, &run, sizeof(run)) == 0) {
			run_end = boundaries[k + 1];
			continue;
		}
		if (in_run)
			print_memory_range(out, zones, count, run_start, run_end, &run, conflicts);
		run = piece;
		run_start = boundaries[k];
		run_end = boundaries[k + 1];
		in_run = false;
		for (unsigned z = 0; z < count; z++)
			in_run |= piece.by_zone[z] != NO_CLAIM;
	}
	if (in_run)
		print_memory_range(out, zones, count, run_start, run_end, &run, conflicts);
}

static struct claims cpu_claims(const struct partition_zone zones[], unsigned count,
				unsigned cpu)
{
	struct claims claims;

	memset(&claims, NO_CLAIM, sizeof(claims));
	for (unsigned z = 0; z < count; z++)
		if (zones[z].config->cpus & (1ULL << cpu))
			claims.by_zone[z] = 0;
	return claims;
}

static void print_cpus(FILE *out, const struct partition_zone zones[], unsigned count,
		       unsigned num_cpus, unsigned *conflicts)
{
	uint64_t claimed = 0;
	char where[8];

	for (unsigned z = 0; z < count; z++)
		claimed |= zones[z].config->cpus;
	for (unsigned cpu = 0; cpu < 64; cpu++) {
		if (cpu >= num_cpus && !(claimed & (1ULL << cpu)))
			continue;
		struct claims claims = cpu_claims(zones, count, cpu);
		snprintf(where, sizeof(where), "%u", cpu);
		print_line(out, "cpu", where, "", zones, count, &claims, false, conflicts);
	}
}

static struct claims interrupt_claims(const struct partition_zone zones[], unsigned count,
				      unsigned intid, bool *any)
{
	struct claims claims;

	memset(&claims, NO_CLAIM, sizeof(claims));
	*any = false;
	for (unsigned z = 0; z < count; z++) {
		if (zones[z].config->interrupts_bitmap[intid / 32] & (1u << (intid % 32))) {
			claims.by_zone[z] = 0;
			*any = true;
		}
	}
	return claims;
}

static void print_interrupts(FILE *out, const struct partition_zone zones[], unsigned count,
			     unsigned *conflicts)
{
	char where[24];
	bool any;

	for (unsigned intid = zone_interrupt_kind.first; intid < CONFIG_MAX_INTERRUPTS; intid++) {
		struct claims claims = interrupt_claims(zones, count, intid, &any);
		if (!any)
			continue;
		unsigned last = intid;
		bool next_any;
		while (last + 1 < CONFIG_MAX_INTERRUPTS) {
			struct claims next = interrupt_claims(zones, count, last + 1, &next_any);
			if (memcmp(&next, &claims, sizeof(claims)) != 0)
				break;
			last++;
		}
		if (last > intid)
			snprintf(where, sizeof(where), "%u-%u", intid, last);
		else
			snprintf(where, sizeof(where), "%u", intid);
		print_line(out, zone_interrupt_kind.name, where, "", zones, count, &claims, false,
			   conflicts);
		intid = last;
	}
}

unsigned partition_print(FILE *out, const struct partition_zone zones[], unsigned count,
			 unsigned num_cpus)
{
	unsigned conflicts = 0;

	if (count > PARTITION_MAX_ZONES)
		count = PARTITION_MAX_ZONES;
	print_cpus(out, zones, count, num_cpus, &conflicts);
	print_memory(out, zones, count, &conflicts);
	print_interrupts(out, zones, count, &conflicts);
	return conflicts;
}
