/* Turning `tessera virtio start` into a daemon: double fork and setsid,
 * while the command the user ran waits on a pipe until the daemon says it
 * is ready (or why it is not) and exits with that outcome. So `tessera
 * virtio start x.json && tessera zone start y.json` starts the zone only
 * once its devices answer. */
#ifndef DAEMON_DETACH_H
#define DAEMON_DETACH_H

#include "message.h"

/* Returns in the daemon, in a session of its own with stdin, stdout and
 * stderr on /dev/null, with *report_fd set; -1 with a message if it cannot
 * fork. The calling process does not return: it exits once the report
 * arrives. */
int daemon_detach(int *report_fd, struct message *m);

/* The outcome, to the waiting command through report_fd, or with
 * report_fd -1 (in the foreground) straight to stdout or stderr. Each
 * closes report_fd. */
void daemon_report_ready(int report_fd, const char *line);
void daemon_report_failure(int report_fd, const struct message *m);

#endif
