#include "hvisor_virtio.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <tessera/hvisor_ioctl.h>
#include <unistd.h>

#include "bridge_ring.h"
#include "daemon_log.h"
#include "hvisor_device.h"

void hvisor_virtio_flush_irqs(struct hvisor_virtio *hv)
{
	if (!hv->irqs_pending)
		return;
	hv->irqs_pending = false;
	/* hvisor's module hands the hypercall's result over as it is, and a
	 * hypervisor may count what it raised: only a negative one fails. */
	if (ioctl(hv->fd, HVISOR_FINISH_REQ) < 0)
		log_error("HVISOR_FINISH_REQ: %s; guests may miss interrupts", strerror(errno));
}

static void raise_irq(struct irq_sink *sink, uint32_t zone_id, uint32_t irq)
{
	struct hvisor_virtio *hv = (struct hvisor_virtio *)sink;

	if (!bridge_ring_push_response(hv->bridge, zone_id, irq)) {
		hvisor_virtio_flush_irqs(hv);
		if (!bridge_ring_push_response(hv->bridge, zone_id, irq)) {
			log_error("zone %" PRIu32 ": interrupt %" PRIu32 " lost: the hypervisor does not empty the response ring",
				  zone_id, irq);
			return;
		}
	}
	hv->irqs_pending = true;
}

static int set_up(struct hvisor_virtio *hv, struct message *m)
{
	if (ioctl(hv->fd, HVISOR_INIT_VIRTIO)) {
		message_set(m, "%s: setting up the virtio bridge failed: %s", HVISOR_DEVICE,
			    strerror(errno));
		return -1;
	}
	void *page = mmap(NULL, VIRTIO_BRIDGE_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
			  hv->fd, 0);
	if (page == MAP_FAILED) {
		message_set(m, "%s: mapping the virtio bridge failed: %s", HVISOR_DEVICE,
			    strerror(errno));
		return -1;
	}
	hv->bridge = page;
	/* virtio_mmio_device.c keeps causes raised since the status read. */
	__atomic_store_n(&hv->bridge->takes_posted_ack, 1, __ATOMIC_RELEASE);
	/* request_handler.c answers a stop's reset once the zone's RAM is
	 * unmapped. */
	__atomic_store_n(&hv->bridge->confirms_stop, 1, __ATOMIC_RELEASE);
	hv->event_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (hv->event_fd < 0) {
		message_set(m, "cannot create an eventfd: %s", strerror(errno));
		return -1;
	}
	if (ioctl(hv->fd, HVISOR_SET_EVENTFD, hv->event_fd)) {
		message_set(m, "%s: registering the wake-up eventfd failed: %s", HVISOR_DEVICE,
			    strerror(errno));
		return -1;
	}
	return 0;
}

int hvisor_virtio_open(struct hvisor_virtio *hv, struct message *m)
{
	*hv = (struct hvisor_virtio){ .irqs.raise = raise_irq, .event_fd = -1 };
	hv->fd = hvisor_device_open(m);
	if (hv->fd < 0)
		return -1;
	if (set_up(hv, m)) {
		hvisor_virtio_close(hv);
		return -1;
	}
	return 0;
}

void hvisor_virtio_close(struct hvisor_virtio *hv)
{
	if (hv->event_fd >= 0)
		close(hv->event_fd);
	if (hv->bridge)
		munmap(hv->bridge, VIRTIO_BRIDGE_PAGE_SIZE);
	close(hv->fd);
	hv->event_fd = -1;
	hv->bridge = NULL;
	hv->fd = -1;
}
