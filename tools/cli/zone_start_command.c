/* `tessera zone start [--skip-host-checks] <zone.json>`: the steps of
 * hvisor's tool, in its order (config version, images, ZoneStart), after the
 * checks `config check` makes and, where tessera can show the running zones,
 * a conflict check before any image is copied over memory another zone may
 * own. --skip-host-checks sends the config as parsed, to test the
 * hypervisor's own checks; it loads no images then, since an unchecked
 * config may place them over a running zone. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <tessera/hypercall.h>

#include "cli.h"
#include "config_check.h"
#include "describe.h"
#include "errno_words.h"
#include "hvisor_device.h"
#include "image_loader.h"
#include "machine_cpus.h"
#include "running_zones.h"
#include "zone_file.h"

static int check_config_version(int fd, struct message *m)
{
	uint64_t magic = 0;
	int err = hvisor_config_magic(fd, &magic);

	if (err) {
		message_set(m, "zone start: asking the hypervisor for its config version failed: %s",
			    errno_words(err));
		return -1;
	}
	if (magic != TESSERA_CONFIG_MAGIC) {
		message_set(m, "zone start: the hypervisor speaks config version %" PRIu64 ", this tool version %d; use a matching tool",
			    magic, TESSERA_CONFIG_MAGIC);
		return -1;
	}
	return 0;
}

/* Under hvisor the running zones' configs are unknown: then only the
 * hypervisor's own check at ZoneStart applies. */
static int check_conflicts(int fd, const char *path, const struct zone_config *config,
			   struct message *m)
{
	static struct running_zones zones;
	const struct zone_config *running[RUNNING_ZONES_MAX];
	struct config_error error;

	if (running_zones_read(fd, true, &zones) || !running_zones_all_configs(&zones))
		return 0;
	for (unsigned i = 0; i < zones.count; i++)
		running[i] = &zones.configs[i];
	if (zone_config_check_conflicts(config, running, zones.count, &error) == 0)
		return 0;
	message_set(m, "zone start: %s: %.*s; nothing was loaded", path,
		    (int)sizeof(error.message), error.message);
	return -1;
}

static int load_images(int fd, const struct zone_spec *spec, struct message *m)
{
	for (unsigned i = 0; i < spec->num_images; i++) {
		if (image_load(fd, &spec->images[i], m)) {
			message_prefix(m, "zone start");
			return -1;
		}
	}
	return 0;
}

static int start(int fd, const char *path, const struct zone_spec *spec, bool host_checks,
		 struct message *m)
{
	if (check_config_version(fd, m))
		return -1;
	if (host_checks && (check_conflicts(fd, path, &spec->config, m) ||
			    load_images(fd, spec, m)))
		return -1;
	int err = hvisor_zone_start(fd, &spec->config);
	if (err) {
		message_set(m, "zone start: the hypervisor refused zone %u: %s",
			    spec->config.zone_id, errno_words(err));
		return -1;
	}
	return 0;
}

static void print_started(const struct zone_config *config)
{
	char name[CONFIG_NAME_MAXLEN + 1];
	char cpus[256];

	describe_name(config->name, name);
	describe_cpus(config->cpus, cpus, sizeof(cpus));
	printf("zone %u (%s) started on CPUs %s\n", config->zone_id, name, cpus);
}

/* Unchecked, the images are still measured: their sizes are part of the
 * config the hypervisor checks. */
static int read_zone_file(const char *path, bool host_checks, struct zone_spec *spec,
			  struct message *m)
{
	return host_checks ? zone_file_load(path, spec, m) : zone_file_read(path, true, spec, m);
}

int zone_start_command(int argc, char **argv)
{
	static struct zone_spec spec;
	struct message m = { "" };
	bool host_checks = true;
	const char *path = NULL;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--skip-host-checks") == 0)
			host_checks = false;
		else if (argv[i][0] == '-')
			return usage_error("zone start: unknown option \"%s\"", argv[i]);
		else if (path)
			return usage_error("zone start takes one zone JSON file");
		else
			path = argv[i];
	}
	if (!path)
		return usage_error("zone start takes one zone JSON file");
	/* The device first, so that the file is checked against the machine's
	 * CPUs; without it the file's own errors still come first. */
	struct message device_m = { "" };
	int fd = hvisor_device_open(&device_m);
	int err = -1;

	if (fd >= 0)
		machine_cpus_adopt(fd);
	if (read_zone_file(path, host_checks, &spec, &m) == 0) {
		if (fd < 0)
			m = device_m;
		else
			err = start(fd, path, &spec, host_checks, &m);
		if (!err)
			print_started(&spec.config);
		zone_spec_release(&spec);
	}
	if (fd >= 0)
		close(fd);
	if (err)
		message_print(&m);
	return err ? EXIT_FAILURE : EXIT_SUCCESS;
}
