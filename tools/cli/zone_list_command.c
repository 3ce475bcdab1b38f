/* `tessera zone list [--verbose]`: hvisor's table of running zones; verbose
 * adds each zone's resources where tessera's TESSERA_ZONE_CONFIG tells them. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "describe.h"
#include "errno_words.h"
#include "hvisor_device.h"
#include "running_zones.h"
#include "zone_interrupts.h"

#define CPUS_TEXT_MAX 256

struct row {
	char id[16];
	char cpus[CPUS_TEXT_MAX];
	char name[CONFIG_NAME_MAXLEN + 1];
	const char *status;
};

static void print_row(const struct row *r, const int width[4])
{
	printf("| %*s | %-*s | %-*s | %-*s |\n", width[0], r->id, width[1], r->cpus, width[2],
	       r->name, width[3], r->status);
}

static void widen(int *width, const char *text)
{
	int len = (int)strlen(text);

	if (len > *width)
		*width = len;
}

static void print_table(const struct running_zones *zones)
{
	static struct row rows[RUNNING_ZONES_MAX];
	const struct row header = { "zone_id", "cpus", "name", "status" };
	int width[4] = { 0, 0, 0, 0 };

	for (unsigned i = 0; i <= zones->count; i++) {
		const struct row *r = &header;
		if (i < zones->count) {
			const struct zone_info *z = &zones->info[i];
			struct row *new_row = &rows[i];
			snprintf(new_row->id, sizeof(new_row->id), "%u", z->zone_id);
			describe_cpus(z->cpus, new_row->cpus, sizeof(new_row->cpus));
			describe_name(z->name, new_row->name);
			new_row->status = z->is_err ? "error" : "running";
			r = new_row;
		}
		widen(&width[0], r->id);
		widen(&width[1], r->cpus);
		widen(&width[2], r->name);
		widen(&width[3], r->status);
	}
	print_row(&header, width);
	for (unsigned i = 0; i < zones->count; i++)
		print_row(&rows[i], width);
}

static void print_regions(const struct zone_config *c)
{
	char size[32];

	for (uint32_t i = 0; i < c->num_memory_regions && i < CONFIG_MAX_MEMORY_REGIONS; i++) {
		const struct memory_region *r = &c->memory_regions[i];
		describe_size(r->size, size, sizeof(size));
		printf("  %-10s %-6s 0x%09" PRIx64 " -> 0x%09" PRIx64 "  %s\n",
		       i ? "" : "memory", memory_type_name(r->type), r->virtual_start,
		       r->physical_start, size);
	}
}

static void print_details(const struct running_zones *zones, unsigned i)
{
	const struct zone_info *z = &zones->info[i];
	char name[CONFIG_NAME_MAXLEN + 1];
	char text[1024];

	describe_name(z->name, name);
	printf("\nzone %u (%s)\n", z->zone_id, name);
	describe_cpus(z->cpus, text, sizeof(text));
	printf("  %-10s %s\n", "cpus", text);
	if (zones->config_err[i]) {
		printf("  memory and %s unknown: %s\n", zone_interrupt_kind.plural,
		       errno_words(zones->config_err[i]));
		return;
	}
	print_regions(&zones->configs[i]);
	describe_interrupts(zones->configs[i].interrupts_bitmap, zone_interrupt_kind.first, text,
			    sizeof(text));
	printf("  %-10s %s\n", zone_interrupt_kind.plural, text);
}

int zone_list_command(int argc, char **argv)
{
	static struct running_zones zones;
	struct message m = { "" };
	bool verbose = false;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0)
			verbose = true;
		else
			return usage_error("zone list: unknown option \"%s\"", argv[i]);
	}
	int fd = hvisor_device_open(&m);
	if (fd < 0) {
		message_print(&m);
		return EXIT_FAILURE;
	}
	int err = running_zones_read(fd, verbose, &zones);
	close(fd);
	if (err) {
		fprintf(stderr, "zone list: the hypervisor refused the zone list: %s\n",
			errno_words(err));
		return EXIT_FAILURE;
	}
	print_table(&zones);
	for (unsigned i = 0; verbose && i < zones.count; i++)
		print_details(&zones, i);
	return EXIT_SUCCESS;
}
