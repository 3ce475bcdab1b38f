/* tessera: zone0's tool for the tessera hypervisor (hvisor-tool's commands
 * and JSON) and a config checker that also runs on the build host. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "daemon_start.h"
#include "json_seed.h"
#include "pid_file.h"
#include "virtio_commands.h"

struct command {
	const char *group;
	const char *name;               /* NULL for a one-word command */
	int (*run)(int argc, char **argv);
};

static const struct command commands[] = {
	{ "zone", "start", zone_start_command },
	{ "zone", "shutdown", zone_shutdown_command },
	{ "zone", "list", zone_list_command },
	{ "config", "check", config_check_command },
	{ "config", "show", config_show_command },
	{ "virtio", "check", virtio_check_command },
	{ "virtio", "start", virtio_start_command },
	{ "virtio", "stop", virtio_stop_command },
	{ "console", NULL, console_command },
};

void print_usage(FILE *out)
{
	fputs("usage: tessera <command> [arguments]\n"
	      "\n"
	      "  zone start [--skip-host-checks] <zone.json>\n"
	      "                                check a zone, load its images and start it;\n"
	      "                                --skip-host-checks: send the config unchecked\n"
	      "                                and load no images (to test the hypervisor's\n"
	      "                                own checks)\n"
	      "  zone shutdown -id <N>         stop zone N (also --id N)\n"
	      "  zone list [--verbose]         the running zones; --verbose adds their\n"
	      "                                CPUs, memory regions and SPIs\n"
	      "  config check <zone.json>...   check zone configs and their image files\n"
	      "  config show <zone.json>...    which CPU, memory range and SPI each zone\n"
	      "                                claims, conflicts marked\n"
	      "  virtio check <virtio.json>... check virtio device configs and their images\n"
	      "  virtio start [--foreground] [--log FILE] [--log-level error|warn|info|debug]\n"
	      "               [--pid-file FILE] <virtio.json>\n"
	      "                                start the virtio back-end daemon; log:\n"
	      "                                " DAEMON_LOG_DEFAULT " (stderr with\n"
	      "                                --foreground), pid file: " PID_FILE_DEFAULT "\n"
	      "  virtio stop [--pid-file FILE] stop the daemon, its images synced\n"
	      "  console <zone_id>             attach to zone N's virtio console; Ctrl-]\n"
	      "                                detaches\n"
	      "  help                          this text\n"
	      "\n"
	      "zone, virtio start/stop and console run in zone0 and need /dev/hvisor;\n"
	      "config check, config show and virtio check also run on the build host.\n",
	      out);
}

int usage_error(const char *fmt, ...)
{
	va_list args;

	fputs("tessera: ", stderr);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputs("\n\n", stderr);
	print_usage(stderr);
	return EXIT_USAGE;
}

static bool is_help(const char *word)
{
	return strcmp(word, "help") == 0 || strcmp(word, "--help") == 0 ||
	       strcmp(word, "-h") == 0;
}

int main(int argc, char **argv)
{
	json_seed_without_waiting();
	if (argc < 2)
		return usage_error("no command given");
	if (is_help(argv[1])) {
		print_usage(stdout);
		return EXIT_SUCCESS;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		const struct command *c = &commands[i];
		if (strcmp(argv[1], c->group) != 0)
			continue;
		if (!c->name)
			return c->run(argc - 2, argv + 2);
		if (argc >= 3 && strcmp(argv[2], c->name) == 0)
			return c->run(argc - 3, argv + 3);
	}
	if (argc >= 3)
		return usage_error("unknown command \"%s %s\"", argv[1], argv[2]);
	return usage_error("unknown command \"%s\"", argv[1]);
}
