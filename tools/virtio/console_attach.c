/* `tessera console <zone id>`: attaches the user's terminal to a zone's
 * virtio console, the PTY the daemon published in CONSOLE_RUN_DIR. On a
 * terminal (a shell's or a serial line's) it switches to raw mode, so every
 * key reaches the guest, and back on the way out. From a pipe it relays as
 * is and, once the input has ended, detaches when the guest has been quiet
 * for a second, so the answer to the last command still shows. Ctrl-]
 * detaches either way. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "console_pty.h"
#include "virtio_commands.h"
#include "zone_id.h"

#define DETACH_KEY 0x1d         /* Ctrl-] */
#define QUIET_MS   1000

static volatile sig_atomic_t stop_requested;

static void request_stop(int signal_number)
{
	(void)signal_number;
	stop_requested = 1;
}

/* Without SA_RESTART, so a signal interrupts poll() and the terminal is
 * restored before the tool exits. */
static void catch_stop_signals(void)
{
	struct sigaction action = { .sa_handler = request_stop };
	const int signals[] = { SIGTERM, SIGHUP, SIGINT };

	sigemptyset(&action.sa_mask);
	for (unsigned i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
		sigaction(signals[i], &action, NULL);
}

static int open_console(uint32_t zone_id)
{
	char link[CONSOLE_PATH_MAX];
	char path[CONSOLE_PATH_MAX] = "";

	console_pty_link_path(zone_id, link);
	FILE *file = fopen(link, "r");
	if (!file) {
		if (errno == ENOENT)
			fprintf(stderr, "console: zone %" PRIu32 " has no console (no %s: is the virtio daemon running with a console for it?)\n",
				zone_id, link);
		else
			fprintf(stderr, "console: %s: %s\n", link, strerror(errno));
		return -1;
	}
	bool read_ok = fgets(path, sizeof(path), file) != NULL;
	fclose(file);
	path[strcspn(path, "\n")] = '\0';
	if (!read_ok || !path[0]) {
		fprintf(stderr, "console: %s names no terminal\n", link);
		return -1;
	}
	int fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		fprintf(stderr, "console: %s (from %s): %s\n", path, link, strerror(errno));
	return fd;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

enum relay_state { RELAY_ON, RELAY_INPUT_ENDED, RELAY_DETACHED, RELAY_CLOSED, RELAY_FAILED };

/* Keys up to Ctrl-] go to the console. */
static enum relay_state forward_keys(int console)
{
	char keys[256];
	ssize_t n = read(STDIN_FILENO, keys, sizeof(keys));

	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? RELAY_ON : RELAY_FAILED;
	if (n == 0)
		return RELAY_INPUT_ENDED;
	const char *detach = memchr(keys, DETACH_KEY, (size_t)n);
	size_t len = detach ? (size_t)(detach - keys) : (size_t)n;
	if (write_all(console, keys, len))
		return RELAY_FAILED;
	return detach ? RELAY_DETACHED : RELAY_ON;
}

static enum relay_state forward_output(int console)
{
	char output[4096];
	ssize_t n = read(console, output, sizeof(output));

	if (n < 0 && errno == EINTR)
		return RELAY_ON;
	/* EIO or end of file: the daemon closed its side. */
	if (n <= 0)
		return RELAY_CLOSED;
	return write_all(STDOUT_FILENO, output, (size_t)n) ? RELAY_FAILED : RELAY_ON;
}

static enum relay_state relay(int console)
{
	struct pollfd fds[] = {
		{ .fd = STDIN_FILENO, .events = POLLIN },
		{ .fd = console, .events = POLLIN },
	};
	enum relay_state state = RELAY_ON;

	while (!stop_requested) {
		/* Without input (fd -1, which poll skips), wait for quiet. */
		int ready = poll(fds, 2, fds[0].fd < 0 ? QUIET_MS : -1);
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready <= 0)
			return ready < 0 ? RELAY_FAILED : RELAY_DETACHED;
		if (fds[1].revents) {
			state = forward_output(console);
			if (state != RELAY_ON)
				return state;
		}
		if (fds[0].fd >= 0 && fds[0].revents) {
			state = forward_keys(console);
			if (state == RELAY_INPUT_ENDED)
				fds[0].fd = -1;
			else if (state != RELAY_ON)
				return state;
		}
	}
	return RELAY_DETACHED;
}

int console_command(int argc, char **argv)
{
	struct termios saved;
	uint32_t zone_id;

	if (argc != 1 || parse_zone_id(argv[0], &zone_id))
		return usage_error("console needs a zone id");
	int console = open_console(zone_id);
	if (console < 0)
		return EXIT_FAILURE;
	printf("Connected to zone %" PRIu32 "'s console; Ctrl-] detaches.\n", zone_id);
	fflush(stdout);
	catch_stop_signals();
	bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
	if (terminal) {
		struct termios raw = saved;
		cfmakeraw(&raw);
		tcsetattr(STDIN_FILENO, TCSADRAIN, &raw);
	}
	enum relay_state end = relay(console);
	if (terminal)
		tcsetattr(STDIN_FILENO, TCSADRAIN, &saved);
	close(console);
	if (end == RELAY_DETACHED)
		printf("\nDetached from zone %" PRIu32 "'s console.\n", zone_id);
	else
		fprintf(stderr, "\nconsole: zone %" PRIu32 "'s console %s\n", zone_id,
			end == RELAY_CLOSED ? "closed (the virtio daemon stopped)" :
					      "failed; detached");
	return end == RELAY_DETACHED ? EXIT_SUCCESS : EXIT_FAILURE;
}
