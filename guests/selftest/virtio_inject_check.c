/* Registers a bridge page of the selftest's own with one completion queued,
 * for a zone that does not exist (the hypervisor drops it), and drains it.
 * Nothing later in the selftest uses virtio, so the bridge stays. */
#include "virtio_inject_check.h"

#include <tessera/virtio_bridge.h>

#include "check.h"
#include "hvc.h"

#define NO_SUCH_ZONE 0x7777
#define SOME_SPI     40

static struct virtio_bridge bridge_page __attribute__((aligned(VIRTIO_BRIDGE_PAGE_SIZE)));

void check_virtio_inject_returns_zero(void)
{
	const char *what = "VirtioInjectIrq returns 0 as on hvisor";
	volatile struct virtio_bridge *b = &bridge_page;
	long ret;

	b->res_list[0].target_zone = NO_SUCH_ZONE;
	b->res_list[0].irq_id = SOME_SPI;
	b->res_rear = 1;
	ret = hypercall(HC_VIRTIO_INIT, (uint64_t)(uintptr_t)&bridge_page, 0);
	if (ret) {
		check_fail(what, "VirtioInit returned %ld", ret);
		return;
	}
	ret = hypercall(HC_VIRTIO_INJECT_IRQ, 0, 0);
	if (ret != 0)
		check_fail(what, "returned %ld for one completion", ret);
	else if (b->res_front != 1)
		check_fail(what, "res_front %u, want 1 (the completion taken)", b->res_front);
	else
		check_pass(what);
}
