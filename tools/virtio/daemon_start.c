#include "daemon_start.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon_detach.h"
#include "daemon_loop.h"
#include "hvisor_virtio.h"
#include "pid_file.h"
#include "virtio_zones.h"

/* One start, passed through its stages; each stage opens one thing, runs
 * the next stage and closes what it opened. */
struct startup {
	const struct daemon_options *options;
	const struct virtio_config *config;
	int pid_fd;
	int report_fd;
	bool reported;                  /* readiness announced: failures go to the log only */
	struct message m;
};

static void announce(struct startup *s, const struct virtio_zones *zones)
{
	char *line = NULL;
	size_t size;
	FILE *out = open_memstream(&line, &size);

	if (out) {
		fprintf(out, "virtio daemon started (pid %d): ", (int)getpid());
		virtio_zones_describe(zones, out);
		fclose(out);
	}
	const char *text = line ? line : "virtio daemon started";
	log_info("%s", text);
	daemon_report_ready(s->report_fd, text);
	s->reported = true;
	free(line);
}

static int serve_bridge(struct startup *s, struct daemon_loop *loop, struct hvisor_virtio *hv,
			struct virtio_zones *zones)
{
	if (hvisor_virtio_open(hv, &s->m))
		return -1;
	int err = pid_file_write(s->pid_fd, getpid(), &s->m);
	if (!err) {
		announce(s, zones);
		err = daemon_loop_run(loop, hv, zones);
	}
	hvisor_virtio_close(hv);
	return err;
}

/* The devices' backing is opened before the bridge, so a config whose TAP
 * or image fails never sets the bridge up. The devices get the bridge's
 * interrupt sink now and use it only once it is open. */
static int serve_zones(struct startup *s, struct daemon_loop *loop)
{
	static struct virtio_zones zones;
	struct hvisor_virtio hv;

	if (virtio_zones_open(&zones, s->config, &hv.irqs, &s->m)) {
		message_prefix(&s->m, "%s", s->options->config_path);
		return -1;
	}
	int err = serve_bridge(s, loop, &hv, &zones);
	virtio_zones_close(&zones);
	return err;
}

static int serve(struct startup *s)
{
	struct daemon_loop loop;

	if (daemon_loop_open(&loop, &s->m))
		return -1;
	int err = serve_zones(s, &loop);
	daemon_loop_close(&loop);
	return err;
}

static FILE *open_log(const struct daemon_options *options, struct message *m)
{
	if (options->foreground && !options->log_path)
		return stderr;
	const char *path = options->log_path ? options->log_path : DAEMON_LOG_DEFAULT;
	FILE *log = fopen(path, "ae");
	if (!log)
		message_set(m, "cannot open the log %s: %s", path, strerror(errno));
	return log;
}

int daemon_start(const struct daemon_options *options, const struct virtio_config *config)
{
	struct startup s = { .options = options, .config = config, .report_fd = -1 };

	/* A reader that went away must not kill the daemon mid-write. */
	signal(SIGPIPE, SIG_IGN);
	s.pid_fd = pid_file_claim(options->pid_path, &s.m);
	if (s.pid_fd < 0 || (!options->foreground && daemon_detach(&s.report_fd, &s.m))) {
		if (s.pid_fd >= 0)
			pid_file_release(options->pid_path, s.pid_fd);
		message_prefix(&s.m, "virtio start");
		message_print(&s.m);
		return EXIT_FAILURE;
	}
	FILE *log = open_log(options, &s.m);
	int err = -1;
	if (log) {
		log_setup(log, options->log_level);
		err = serve(&s);
	}
	if (err && !s.reported) {
		message_prefix(&s.m, "virtio start");
		if (log && log != stderr)
			log_error("%s", s.m.text);
		daemon_report_failure(s.report_fd, &s.m);
	}
	if (s.reported)
		log_info(err ? "stopped after an error" : "stopped; images synced");
	pid_file_release(options->pid_path, s.pid_fd);
	return err ? EXIT_FAILURE : EXIT_SUCCESS;
}
