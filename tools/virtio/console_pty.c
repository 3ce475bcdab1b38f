#include "console_pty.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

void console_pty_link_path(uint32_t zone_id, char out[CONSOLE_PATH_MAX])
{
	snprintf(out, CONSOLE_PATH_MAX, "%s/console-%" PRIu32, CONSOLE_RUN_DIR, zone_id);
}

static int open_master(struct console_pty *pty, struct message *m)
{
	pty->master_fd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (pty->master_fd < 0) {
		message_set(m, "cannot open a pseudo-terminal: %s", strerror(errno));
		return -1;
	}
	if (grantpt(pty->master_fd) || unlockpt(pty->master_fd) ||
	    ptsname_r(pty->master_fd, pty->slave_path, sizeof(pty->slave_path)) ||
	    fcntl(pty->master_fd, F_SETFL, O_NONBLOCK)) {
		message_set(m, "cannot set up a pseudo-terminal: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int open_slave(struct console_pty *pty, struct message *m)
{
	struct termios raw;

	pty->slave_fd = open(pty->slave_path, O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (pty->slave_fd < 0 || tcgetattr(pty->slave_fd, &raw)) {
		message_set(m, "%s: %s", pty->slave_path, strerror(errno));
		return -1;
	}
	cfmakeraw(&raw);
	if (tcsetattr(pty->slave_fd, TCSANOW, &raw)) {
		message_set(m, "%s: cannot switch to raw mode: %s", pty->slave_path,
			    strerror(errno));
		return -1;
	}
	return 0;
}

/* Written under a temporary name and renamed, so a reader never sees half. */
static int publish(uint32_t zone_id, struct console_pty *pty, struct message *m)
{
	char link[CONSOLE_PATH_MAX];
	char temporary[CONSOLE_PATH_MAX + 8];

	if (mkdir(CONSOLE_RUN_DIR, 0755) && errno != EEXIST) {
		message_set(m, "cannot create %s: %s", CONSOLE_RUN_DIR, strerror(errno));
		return -1;
	}
	console_pty_link_path(zone_id, link);
	snprintf(temporary, sizeof(temporary), "%s.new", link);
	FILE *file = fopen(temporary, "w");
	if (!file) {
		message_set(m, "cannot write %s: %s", temporary, strerror(errno));
		return -1;
	}
	fprintf(file, "%s\n", pty->slave_path);
	if (fclose(file) || rename(temporary, link)) {
		message_set(m, "cannot write %s: %s", link, strerror(errno));
		unlink(temporary);
		return -1;
	}
	snprintf(pty->link_path, sizeof(pty->link_path), "%s", link);
	return 0;
}

int console_pty_open(uint32_t zone_id, struct console_pty *pty, struct message *m)
{
	*pty = (struct console_pty){ .master_fd = -1, .slave_fd = -1 };
	if (open_master(pty, m) || open_slave(pty, m) || publish(zone_id, pty, m)) {
		console_pty_close(pty);
		return -1;
	}
	return 0;
}

void console_pty_close(struct console_pty *pty)
{
	if (pty->link_path[0])
		unlink(pty->link_path);
	pty->link_path[0] = '\0';
	if (pty->slave_fd >= 0)
		close(pty->slave_fd);
	if (pty->master_fd >= 0)
		close(pty->master_fd);
	pty->slave_fd = -1;
	pty->master_fd = -1;
}
