/* `tessera zone shutdown -id <N>` (hvisor's spelling; --id also works). */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "errno_words.h"
#include "hvisor_device.h"
#include "zone_id.h"

int zone_shutdown_command(int argc, char **argv)
{
	struct message m = { "" };
	uint32_t id;

	if (argc != 2 || (strcmp(argv[0], "-id") != 0 && strcmp(argv[0], "--id") != 0))
		return usage_error("zone shutdown needs -id <N>");
	if (parse_zone_id(argv[1], &id))
		return usage_error("zone shutdown: \"%s\" is not a zone id", argv[1]);
	int fd = hvisor_device_open(&m);
	if (fd < 0) {
		message_print(&m);
		return EXIT_FAILURE;
	}
	int err = hvisor_zone_shutdown(fd, id);
	close(fd);
	/* hvisor answers EINVAL for an id no zone has, and so do we. */
	if (err == EINVAL && id == 0) {
		fprintf(stderr, "zone shutdown: zone0 is not stopped this way; power it off from "
				"zone0 (EINVAL)\n");
		return EXIT_FAILURE;
	}
	if (err == EINVAL) {
		fprintf(stderr, "zone shutdown: no zone %" PRIu32 " is running (EINVAL)\n", id);
		return EXIT_FAILURE;
	}
	if (err) {
		fprintf(stderr, "zone shutdown: the hypervisor refused to shut down zone %" PRIu32 ": %s\n",
			id, errno_words(err));
		return EXIT_FAILURE;
	}
	printf("zone %" PRIu32 " shut down\n", id);
	return EXIT_SUCCESS;
}
