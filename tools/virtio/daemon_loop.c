#include "daemon_loop.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "bridge_ring.h"
#include "daemon_log.h"
#include "request_handler.h"

/* epoll_event.data.u64: these two, or FIRST_INPUT + the input's index. */
enum { WAKEUP_EVENT, SIGNAL_EVENT, FIRST_INPUT };

/* Requests served before the loop looks at its fds again, so a guest that
 * keeps the ring full cannot starve TAP and PTY input or the signals. */
#define DRAIN_BUDGET (4 * VIRTIO_BRIDGE_MAX_REQ)

#define MAX_EVENTS 16

static void stop_signals(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGHUP);
}

int daemon_loop_open(struct daemon_loop *loop, struct message *m)
{
	sigset_t set;

	*loop = (struct daemon_loop){ .epoll_fd = -1, .signal_fd = -1 };
	stop_signals(&set);
	sigprocmask(SIG_BLOCK, &set, NULL);
	loop->signal_fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	loop->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	if (loop->signal_fd < 0 || loop->epoll_fd < 0) {
		message_set(m, "cannot create the daemon's %s: %s",
			    loop->signal_fd < 0 ? "signalfd" : "epoll instance", strerror(errno));
		daemon_loop_close(loop);
		return -1;
	}
	return 0;
}

void daemon_loop_close(struct daemon_loop *loop)
{
	if (loop->epoll_fd >= 0)
		close(loop->epoll_fd);
	if (loop->signal_fd >= 0)
		close(loop->signal_fd);
	loop->epoll_fd = -1;
	loop->signal_fd = -1;
}

static int watch(struct daemon_loop *loop, int op, int fd, uint64_t tag)
{
	struct epoll_event event = { .events = EPOLLIN, .data.u64 = tag };

	if (epoll_ctl(loop->epoll_fd, op, fd, &event) == 0)
		return 0;
	log_error("epoll_ctl on fd %d: %s", fd, strerror(errno));
	return -1;
}

static void collect_inputs(struct daemon_loop *loop, struct virtio_zones *zones)
{
	loop->num_inputs = 0;
	for (unsigned z = 0; z < zones->num_zones; z++) {
		const struct virtio_zone *zone = &zones->zones[z];
		for (unsigned i = 0; i < zone->num_devices; i++) {
			struct virtio_mmio_device *dev = zone->devices[i];
			if (dev->input_fd >= 0)
				loop->inputs[loop->num_inputs++] = (struct daemon_loop_input){
					.dev = dev, .fd = dev->input_fd,
				};
		}
	}
}

/* A TAP or PTY is polled only while its guest has posted buffers for what
 * it reads: otherwise its level-triggered readiness would spin the loop.
 * The guest's next notification of the receive queue brings it back. */
static void update_watches(struct daemon_loop *loop)
{
	for (unsigned i = 0; i < loop->num_inputs; i++) {
		struct daemon_loop_input *input = &loop->inputs[i];
		bool wanted = virtio_mmio_wants_input(input->dev);
		if (wanted == input->watched)
			continue;
		if (watch(loop, wanted ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, input->fd, FIRST_INPUT + i) == 0)
			input->watched = wanted;
	}
}

/* True if the budget ran out with requests left. */
static bool drain(struct hvisor_virtio *hv, struct virtio_zones *zones)
{
	struct virtio_bridge_request request;
	unsigned served = 0;

	while (served < DRAIN_BUDGET && bridge_ring_take_request(hv->bridge, &request)) {
		request_handle(zones, hv->bridge, hv->fd, &request);
		served++;
	}
	hvisor_virtio_flush_irqs(hv);
	return served == DRAIN_BUDGET;
}

/* One more queue's worth for every queue a notification left with chains,
 * zone after zone; true if any still has some. */
static bool serve_backlogs(struct hvisor_virtio *hv, struct virtio_zones *zones)
{
	bool more = false;

	for (unsigned z = 0; z < zones->num_zones; z++) {
		const struct virtio_zone *zone = &zones->zones[z];
		for (unsigned i = 0; i < zone->num_devices; i++) {
			virtio_mmio_serve_backlog(zone->devices[i]);
			more |= zone->devices[i]->backlog != 0;
		}
	}
	hvisor_virtio_flush_irqs(hv);
	return more;
}

static void serve_input(struct daemon_loop_input *input, uint32_t events)
{
	struct virtio_mmio_device *dev = input->dev;

	if (events & EPOLLIN) {
		dev->ops->input(dev);
		return;
	}
	/* An error or hang-up without data would be reported forever. */
	log_error("%s: %s reports %s; input stops", dev->label, dev->backing,
		  events & EPOLLERR ? "an error" : "a hang-up");
	dev->input_fd = -1;
}

/* True once a stop signal has been read. */
static bool serve_event(struct daemon_loop *loop, struct hvisor_virtio *hv,
			const struct epoll_event *event)
{
	if (event->data.u64 == WAKEUP_EVENT) {
		uint64_t count;
		/* Only clears the count: the ring is what says there is work. */
		if (read(hv->event_fd, &count, sizeof(count)) < 0 && errno != EAGAIN)
			log_error("reading the wake-up eventfd: %s", strerror(errno));
		return false;
	}
	if (event->data.u64 == SIGNAL_EVENT) {
		struct signalfd_siginfo info;
		if (read(loop->signal_fd, &info, sizeof(info)) != sizeof(info))
			return false;
		log_info("%s received: stopping", strsignal((int)info.ssi_signo));
		return true;
	}
	serve_input(&loop->inputs[event->data.u64 - FIRST_INPUT], event->events);
	return false;
}

int daemon_loop_run(struct daemon_loop *loop, struct hvisor_virtio *hv,
		    struct virtio_zones *zones)
{
	bool stopping = false;

	collect_inputs(loop, zones);
	if (watch(loop, EPOLL_CTL_ADD, hv->event_fd, WAKEUP_EVENT) ||
	    watch(loop, EPOLL_CTL_ADD, loop->signal_fd, SIGNAL_EVENT))
		return -1;
	while (!stopping) {
		struct epoll_event events[MAX_EVENTS];
		bool more = drain(hv, zones);
		more |= serve_backlogs(hv, zones);
		update_watches(loop);
		bool sleep = !more && bridge_ring_prepare_to_sleep(hv->bridge);
		int count = epoll_wait(loop->epoll_fd, events, MAX_EVENTS, sleep ? -1 : 0);
		if (sleep)
			bridge_ring_awake(hv->bridge);
		if (count < 0 && errno != EINTR) {
			log_error("epoll_wait: %s", strerror(errno));
			return -1;
		}
		for (int i = 0; i < count; i++)
			stopping |= serve_event(loop, hv, &events[i]);
		hvisor_virtio_flush_irqs(hv);
	}
	/* What the ring holds now was asked before the stop; one budget covers
	 * a full ring, and guests that keep asking are not waited for. */
	drain(hv, zones);
	return 0;
}
