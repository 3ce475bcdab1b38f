/* `tessera config check <zone.json>...`: everything `zone start` checks
 * before it touches the hypervisor, on the build host as well as in zone0.
 * In zone0 the CPUs are the machine's, elsewhere the board's. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "hvisor_device.h"
#include "machine_cpus.h"
#include "zone_file.h"

static void adopt_machine_cpus_if_in_zone0(void)
{
	struct message unused = { "" };
	int fd = hvisor_device_open(&unused);

	if (fd < 0)
		return;
	machine_cpus_adopt(fd);
	close(fd);
}

int config_check_command(int argc, char **argv)
{
	int status = EXIT_SUCCESS;

	if (argc < 1)
		return usage_error("config check needs at least one zone JSON file");
	adopt_machine_cpus_if_in_zone0();
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
