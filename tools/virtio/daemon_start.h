/* `tessera virtio start` once its config has passed every check: take the
 * pid file, detach (unless in the foreground), open the log, every device's
 * backing and then the bridge, announce readiness, serve until stopped,
 * then sync the images and remove the pid file. */
#ifndef DAEMON_START_H
#define DAEMON_START_H

#include <stdbool.h>

#include "daemon_log.h"
#include "virtio_config.h"

#define DAEMON_LOG_DEFAULT "/var/log/tessera-virtio.log"

struct daemon_options {
	const char *config_path;
	bool foreground;
	const char *log_path;           /* NULL: stderr in the foreground, else the default */
	enum log_level log_level;
	const char *pid_path;
};

/* The exit status of the command (in the daemon: of the daemon). */
int daemon_start(const struct daemon_options *options, const struct virtio_config *config);

#endif
