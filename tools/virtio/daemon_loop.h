/* The daemon's one thread: drains the bridge's request ring, feeds TAP and
 * PTY input to the devices whose guests have buffers for it, and sleeps in
 * epoll_wait when there is nothing to do, after asking the hypervisor for a
 * wake-up interrupt. SIGTERM, SIGINT and SIGHUP stop it cleanly. */
#ifndef DAEMON_LOOP_H
#define DAEMON_LOOP_H

#include "hvisor_virtio.h"
#include "message.h"
#include "virtio_zones.h"

struct daemon_loop_input {
	struct virtio_mmio_device *dev;
	int fd;
	bool watched;
};

struct daemon_loop {
	int epoll_fd;
	int signal_fd;
	unsigned num_inputs;
	struct daemon_loop_input inputs[VIRTIO_CONFIG_MAX_ZONES * VIRTIO_CONFIG_MAX_DEVICES];
};

/* Blocks the stop signals (from here on they wait for the loop, however
 * early they come) and creates the epoll and signal fds. */
int daemon_loop_open(struct daemon_loop *loop, struct message *m);

/* Runs until a stop signal, then serves what is left in the ring; 0, or -1
 * if epoll failed. */
int daemon_loop_run(struct daemon_loop *loop, struct hvisor_virtio *hv,
		    struct virtio_zones *zones);

void daemon_loop_close(struct daemon_loop *loop);

#endif
