/* A hostile virtio-blk driver, run as zone1 against zone0's virtio daemon:
 * it posts requests whose descriptors point outside its RAM, wrap around,
 * claim huge lengths or loop, and queues placed in zone0's RAM. Each must
 * fail (or be ignored) without harm, and the device must still serve a
 * well-formed request afterwards. One PASS/FAIL line per check. */
#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "counter.h"
#include "guest_name.h"
#include "hvc.h"
#include "hypercall_check.h"
#include "print.h"
#include "virtio_blk.h"
#include "virtio_mmio.h"

#define STATUS_UNTOUCHED    0xff
#define SECTOR_SIZE         512

/* zone1-hostile.json gives this zone 0x50000000-0x50ffffff. */
#define ZONE0_RAM_ADDR      0x90000000UL
#define HYPERVISOR_ADDR     0x40000000UL
#define WRAPPING_ADDR       0xfffffffffffff000UL

/* The test writes this at the start of the image the daemon serves. */
static const char image_signature[] = "tessera-hostile";

const char guest_name[] = "virtio-hostile";

static struct virtq_desc descs[QUEUE_SIZE] __attribute__((aligned(16)));
static struct virtq_avail avail __attribute__((aligned(2)));
static struct virtq_used used __attribute__((aligned(4)));
static struct blk_header header __attribute__((aligned(16)));
static uint8_t data[SECTOR_SIZE] __attribute__((aligned(16)));
static volatile uint8_t status_byte;

static struct virtq queue = {
	.desc = descs, .avail = &avail, .used = &used,
	.desc_addr = (uintptr_t)descs, .avail_addr = (uintptr_t)&avail,
	.used_addr = (uintptr_t)&used,
};

/* header -> data -> status, with the data descriptor as given. */
static void build_request(uint32_t type, uint64_t data_addr, uint32_t data_len)
{
	uint16_t data_flags = VIRTQ_DESC_F_NEXT | (type == BLK_T_IN ? VIRTQ_DESC_F_WRITE : 0);

	header.type = type;
	header.reserved = 0;
	header.sector = 0;
	status_byte = STATUS_UNTOUCHED;
	virtio_set_desc(&queue, 0, (uintptr_t)&header, sizeof(header), VIRTQ_DESC_F_NEXT, 1);
	virtio_set_desc(&queue, 1, data_addr, data_len, data_flags, 2);
	virtio_set_desc(&queue, 2, (uintptr_t)&status_byte, 1, VIRTQ_DESC_F_WRITE, 0);
}

/* A bad request must come back failed (IOERR) or returned untouched. */
static void expect_refused(const char *what)
{
	uint32_t len;

	virtio_submit(BLK_WINDOW, &queue, 0);
	if (!virtio_wait_used(&queue, &len))
		check_fail(what, "the device never returned the request");
	else if (status_byte == BLK_S_OK)
		check_fail(what, "the device reported success");
	else
		check_pass(what);
}

static void check_bad_data_buffers(void)
{
	build_request(BLK_T_IN, ZONE0_RAM_ADDR, SECTOR_SIZE);
	expect_refused("read into zone0 RAM is refused");
	build_request(BLK_T_OUT, HYPERVISOR_ADDR, SECTOR_SIZE);
	expect_refused("write from hypervisor memory is refused");
	build_request(BLK_T_IN, WRAPPING_ADDR, 0x2000);
	expect_refused("buffer that wraps around is refused");
	build_request(BLK_T_IN, (uintptr_t)data, 0xffffffffu);
	expect_refused("buffer of 4 GiB - 1 is refused");
}

static void check_bad_chains(void)
{
	build_request(BLK_T_IN, (uintptr_t)data, SECTOR_SIZE);
	virtio_set_desc(&queue, 2, (uintptr_t)&status_byte, 1,
			VIRTQ_DESC_F_WRITE | VIRTQ_DESC_F_NEXT, 0);
	expect_refused("descriptor loop is refused");

	build_request(BLK_T_IN, (uintptr_t)data, SECTOR_SIZE);
	virtio_set_desc(&queue, 1, (uintptr_t)data, SECTOR_SIZE,
			VIRTQ_DESC_F_WRITE | VIRTQ_DESC_F_NEXT, 200);
	expect_refused("next index out of the queue is refused");

	build_request(BLK_T_IN, (uintptr_t)data, SECTOR_SIZE);
	virtio_set_desc(&queue, 0, HYPERVISOR_ADDR, sizeof(header), VIRTQ_DESC_F_NEXT, 1);
	expect_refused("request header in hypervisor memory is refused");
}

static bool read_first_sector(void)
{
	uint32_t len;

	for (unsigned i = 0; i < sizeof(data); i++)
		data[i] = 0;
	build_request(BLK_T_IN, (uintptr_t)data, SECTOR_SIZE);
	virtio_submit(BLK_WINDOW, &queue, 0);
	if (!virtio_wait_used(&queue, &len) || status_byte != BLK_S_OK)
		return false;
	for (unsigned i = 0; i + 1 < sizeof(image_signature); i++)
		if (data[i] != (uint8_t)image_signature[i])
			return false;
	return true;
}

static void check_still_serves(const char *what)
{
	if (read_first_sector())
		check_pass(what);
	else
		check_fail(what, "status %u, data starts 0x%x", status_byte, data[0]);
}

/* Queues in zone0's RAM: the device must not use them; a later set-up in
 * the zone's own RAM must work again. */
static void check_queue_outside_ram(void)
{
	struct virtq stray = {
		.desc = descs, .avail = &avail, .used = &used,
		.desc_addr = ZONE0_RAM_ADDR, .avail_addr = (uintptr_t)&avail,
		.used_addr = ZONE0_RAM_ADDR + 0x1000,
	};

	if (virtio_setup(BLK_WINDOW, &stray)) {
		build_request(BLK_T_IN, (uintptr_t)data, SECTOR_SIZE);
		virtio_submit(BLK_WINDOW, &stray, 0);
		if (virtio_used_by_now(BLK_WINDOW, &stray))
			check_fail("queue in zone0 RAM is not used", "the device used it");
		else
			check_pass("queue in zone0 RAM is not used");
	} else {
		check_pass("queue in zone0 RAM is not used");
	}
	if (virtio_setup(BLK_WINDOW, &queue))
		check_still_serves("after a reset the device serves a good queue");
	else
		check_fail("after a reset the device serves a good queue", "set-up refused");
}

_Noreturn void main(void)
{
	uint64_t start = counter_ticks();
	uint32_t magic = virtio_read(BLK_WINDOW, 0);
	uint64_t ms = (counter_ticks() - start) * 1000 / counter_frequency();

	print("virtio-hostile: magic 0x%x after %lu ms\n", magic, (unsigned long)ms);
	if (magic == VIRTIO_MAGIC && virtio_setup(BLK_WINDOW, &queue)) {
		check_hypercall_returns("VirtioInit from a zone returns -EPERM", HC_VIRTIO_INIT,
					(uintptr_t)data, 0, -HV_EPERM);
		check_hypercall_returns("VirtioInjectIrq from a zone returns -EPERM",
					HC_VIRTIO_INJECT_IRQ, 0, 0, -HV_EPERM);
		check_still_serves("well-formed read returns the image's first sector");
		check_bad_data_buffers();
		check_bad_chains();
		check_still_serves("the device still serves after the bad requests");
		check_queue_outside_ram();
		check_summary();
	} else {
		print("virtio-hostile: no virtio-blk device\n");
	}
	print("virtio-hostile: done\n");
	for (;;)
		__asm__ volatile("wfi");
}
