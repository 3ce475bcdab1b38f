/* `tessera config show <zone.json>...`: how the given configs partition the
 * machine, with what two of them both claim marked, and the validator's
 * verdict on each pair. Needs no image files and no hypervisor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "config_check.h"
#include "describe.h"
#include "partition.h"
#include "zone_file.h"

struct shown_zone {
	struct zone_spec spec;
	char name[CONFIG_NAME_MAXLEN + 1];
};

/* Each later config against each earlier one, as if that one were running. */
static unsigned print_pair_conflicts(struct shown_zone zones[], char **paths, unsigned count)
{
	unsigned conflicts = 0;

	for (unsigned i = 1; i < count; i++) {
		for (unsigned j = 0; j < i; j++) {
			const struct zone_config *running[] = { &zones[j].spec.config };
			struct config_error error;

			if (zone_config_check_conflicts(&zones[i].spec.config, running, 1, &error) == 0)
				continue;
			printf("CONFLICT %s against %s: %.*s\n", paths[i], paths[j],
			       (int)sizeof(error.message), error.message);
			conflicts++;
		}
	}
	return conflicts;
}

/* Zones go by name, or by file where two share a name. */
static const char *label(struct shown_zone zones[], char **paths, unsigned count, unsigned i)
{
	for (unsigned j = 0; j < count; j++)
		if (j != i && strcmp(zones[j].name, zones[i].name) == 0)
			return paths[i];
	return zones[i].name;
}

static int show(struct shown_zone zones[], char **paths, unsigned count)
{
	struct partition_zone partition[PARTITION_MAX_ZONES];

	for (unsigned i = 0; i < count; i++)
		describe_name(zones[i].spec.config.name, zones[i].name);
	for (unsigned i = 0; i < count; i++) {
		partition[i].config = &zones[i].spec.config;
		partition[i].label = label(zones, paths, count, i);
		printf("%s: zone %u from %s\n", partition[i].label, zones[i].spec.config.zone_id,
		       paths[i]);
	}
	putchar('\n');
	unsigned overlaps = partition_print(stdout, partition, count, platform.num_cpus);
	unsigned pairs = print_pair_conflicts(zones, paths, count);
	if (!overlaps && !pairs)
		return EXIT_SUCCESS;
	fputs("config show: the configs conflict (see the lines marked CONFLICT)\n", stderr);
	return EXIT_FAILURE;
}

int config_show_command(int argc, char **argv)
{
	static struct shown_zone zones[PARTITION_MAX_ZONES];
	struct message m = { "" };
	unsigned loaded = 0;
	int status;

	if (argc < 1 || argc > PARTITION_MAX_ZONES)
		return usage_error("config show takes 1 to %d zone JSON files", PARTITION_MAX_ZONES);
	for (; loaded < (unsigned)argc; loaded++) {
		if (zone_file_read(argv[loaded], false, &zones[loaded].spec, &m))
			break;
		if (zone_file_check(argv[loaded], &zones[loaded].spec, &m)) {
			zone_spec_release(&zones[loaded].spec);
			break;
		}
	}
	if (loaded == (unsigned)argc) {
		status = show(zones, argv, loaded);
	} else {
		message_print(&m);
		status = EXIT_FAILURE;
	}
	for (unsigned i = 0; i < loaded; i++)
		zone_spec_release(&zones[i].spec);
	return status;
}
