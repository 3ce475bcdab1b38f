/* A virtio console's host side: a pseudo-terminal whose slave path is
 * published in CONSOLE_RUN_DIR/console-<zone id>, where `tessera console`
 * finds it. The slave is in raw mode: the guest's own tty does the line
 * discipline. */
#ifndef CONSOLE_PTY_H
#define CONSOLE_PTY_H

#include <stddef.h>
#include <stdint.h>

#include "message.h"

#define CONSOLE_RUN_DIR "/run/tessera"
#define CONSOLE_PATH_MAX 64

struct console_pty {
	int master_fd;                  /* non-blocking: the daemon never waits on it */
	/* Held open so that with no client attached the master neither reads
	 * EIO nor reports a hang-up. */
	int slave_fd;
	char slave_path[CONSOLE_PATH_MAX];
	char link_path[CONSOLE_PATH_MAX];  /* "" once nothing is published */
};

/* Opens the pair and publishes the slave path, or -1 with a message. */
int console_pty_open(uint32_t zone_id, struct console_pty *pty, struct message *m);

/* Withdraws the published path and closes both sides. */
void console_pty_close(struct console_pty *pty);

/* CONSOLE_RUN_DIR/console-<zone id>. */
void console_pty_link_path(uint32_t zone_id, char out[CONSOLE_PATH_MAX]);

#endif
