/* `tessera config check <zone.json>...`: everything `zone start` checks
 * before it touches the hypervisor, on the build host as well as in zone0. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "zone_file.h"

int config_check_command(int argc, char **argv)
{
	int status = EXIT_SUCCESS;

	if (argc < 1)
		return usage_error("config check needs at least one zone JSON file");
	for (int i = 0; i < argc; i++) {
		struct zone_spec spec;
		struct message m = { "" };

		if (zone_file_load(argv[i], &spec, &m)) {
			message_print(&m);
			status = EXIT_FAILURE;
			continue;
		}
		zone_spec_release(&spec);
		printf("%s: OK\n", argv[i]);
	}
	return status;
}
