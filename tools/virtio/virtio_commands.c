/* `tessera virtio check|start|stop`: the back-end daemon's command line. */
#include "virtio_commands.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "daemon_start.h"
#include "pid_file.h"
#include "virtio_config.h"

#define STOP_WAIT_MS 5000
#define STOP_POLL_MS 50

int virtio_check_command(int argc, char **argv)
{
	static struct virtio_config config;
	int status = EXIT_SUCCESS;

	if (argc < 1)
		return usage_error("virtio check needs at least one virtio JSON file");
	for (int i = 0; i < argc; i++) {
		struct message m = { "" };
		if (virtio_config_load(argv[i], &config, &m)) {
			message_print(&m);
			status = EXIT_FAILURE;
			continue;
		}
		printf("%s: OK\n", argv[i]);
	}
	return status;
}

/* The value after option argv[*i], or NULL (the caller reports it). */
static const char *option_value(int argc, char **argv, int *i)
{
	return *i + 1 < argc ? argv[++*i] : NULL;
}

static int parse_start(int argc, char **argv, struct daemon_options *options)
{
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (strcmp(arg, "--foreground") == 0) {
			options->foreground = true;
		} else if (strcmp(arg, "--log") == 0) {
			options->log_path = option_value(argc, argv, &i);
			if (!options->log_path)
				return usage_error("virtio start: --log needs a file");
		} else if (strcmp(arg, "--pid-file") == 0) {
			options->pid_path = option_value(argc, argv, &i);
			if (!options->pid_path)
				return usage_error("virtio start: --pid-file needs a file");
		} else if (strcmp(arg, "--log-level") == 0) {
			const char *level = option_value(argc, argv, &i);
			if (!level || log_level_parse(level, &options->log_level))
				return usage_error("virtio start: --log-level takes error, warn, info or debug");
		} else if (arg[0] == '-') {
			return usage_error("virtio start: unknown option \"%s\"", arg);
		} else if (options->config_path) {
			return usage_error("virtio start takes one virtio JSON file");
		} else {
			options->config_path = arg;
		}
	}
	if (!options->config_path)
		return usage_error("virtio start needs a virtio JSON file");
	return 0;
}

int virtio_start_command(int argc, char **argv)
{
	static struct virtio_config config;
	struct daemon_options options = {
		.log_level = LOG_LEVEL_INFO,
		.pid_path = PID_FILE_DEFAULT,
	};
	struct message m = { "" };

	int err = parse_start(argc, argv, &options);
	if (err)
		return err;
	if (virtio_config_load(options.config_path, &config, &m)) {
		message_print(&m);
		return EXIT_FAILURE;
	}
	return daemon_start(&options, &config);
}

static void sleep_ms(long ms)
{
	struct timespec pause = { .tv_sec = ms / 1000, .tv_nsec = ms % 1000 * 1000000 };

	nanosleep(&pause, NULL);
}

int virtio_stop_command(int argc, char **argv)
{
	const char *pid_path = PID_FILE_DEFAULT;
	struct message m = { "" };
	pid_t pid;

	if (argc == 2 && strcmp(argv[0], "--pid-file") == 0)
		pid_path = argv[1];
	else if (argc != 0)
		return usage_error("virtio stop takes no arguments but --pid-file FILE");
	if (pid_file_owner(pid_path, &pid, &m)) {
		message_prefix(&m, "virtio stop");
		message_print(&m);
		return EXIT_FAILURE;
	}
	if (pid == 0) {
		fprintf(stderr, "virtio stop: no virtio daemon is running (none holds %s)\n", pid_path);
		return EXIT_FAILURE;
	}
	if (kill(pid, SIGTERM)) {
		fprintf(stderr, "virtio stop: cannot signal the daemon (pid %d): %s\n", (int)pid,
			strerror(errno));
		return EXIT_FAILURE;
	}
	/* The daemon drops the lock only after syncing its images. */
	for (int waited = 0; waited < STOP_WAIT_MS; waited += STOP_POLL_MS) {
		sleep_ms(STOP_POLL_MS);
		pid_t owner;
		if (pid_file_owner(pid_path, &owner, &m) == 0 && owner == 0) {
			printf("virtio daemon (pid %d) stopped\n", (int)pid);
			return EXIT_SUCCESS;
		}
	}
	fprintf(stderr, "virtio stop: the daemon (pid %d) did not stop within %d s\n", (int)pid,
		STOP_WAIT_MS / 1000);
	return EXIT_FAILURE;
}
