/* A zone that keeps its virtio-blk queue full for ever: it refills its
 * ring with plain stores as soon as the device uses a request, and
 * notifies only when the device may have gone idle, so a device that
 * serves a queue until it is empty never stops. Each request reads the
 * image's first 64 KiB into one of two buffers. Run against zone0's virtio
 * daemon beside another zone whose disk must keep working, and stopped
 * mid-flood to show that no read lands in its RAM after the stop. Before
 * it starts it says whether the buffers hold anything: the RAM of a zone
 * that ran here before must be zero. */
#include <stdint.h>

#include "guest_name.h"
#include "print.h"
#include "virtio_blk.h"
#include "virtio_mmio.h"

#define READ_BYTES          0x10000u
#define NUM_CHAINS          2
#define DESCS_PER_CHAIN     3

/* Outside the image (loaded at 0x50000000) and the DTB (0x50800000). */
#define BUFFERS_ADDR        0x50100000UL

const char guest_name[] = "virtio-flood";

static struct virtq_desc descs[QUEUE_SIZE] __attribute__((aligned(16)));
static struct virtq_avail avail __attribute__((aligned(2)));
static struct virtq_used used __attribute__((aligned(4)));
static struct blk_header headers[NUM_CHAINS] __attribute__((aligned(16)));
static volatile uint8_t status_bytes[NUM_CHAINS];

static struct virtq queue = {
	.desc = descs, .avail = &avail, .used = &used,
	.desc_addr = (uintptr_t)descs, .avail_addr = (uintptr_t)&avail,
	.used_addr = (uintptr_t)&used,
};

static unsigned long nonzero_words(uintptr_t start, unsigned long bytes)
{
	const volatile uint64_t *word = (const volatile uint64_t *)start;
	unsigned long found = 0;

	for (unsigned long i = 0; i < bytes / sizeof(*word); i++)
		found += word[i] != 0;
	return found;
}

static void build_chains(void)
{
	for (unsigned c = 0; c < NUM_CHAINS; c++) {
		unsigned head = c * DESCS_PER_CHAIN;
		headers[c] = (struct blk_header){ .type = BLK_T_IN };
		virtio_set_desc(&queue, head, (uintptr_t)&headers[c], sizeof(headers[c]),
				VIRTQ_DESC_F_NEXT, head + 1);
		virtio_set_desc(&queue, head + 1, BUFFERS_ADDR + c * READ_BYTES, READ_BYTES,
				VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_WRITE, head + 2);
		virtio_set_desc(&queue, head + 2, (uintptr_t)&status_bytes[c], 1,
				VIRTQ_DESC_F_WRITE, 0);
	}
}

/* Keeps every ring entry in use. The device is notified only when it may
 * have found the queue empty: when it had used everything published before
 * this refill (it pushes a used entry before it looks for the next). */
static _Noreturn void flood(uintptr_t window)
{
	volatile struct virtq_avail *a = &avail;
	volatile struct virtq_used *u = &used;
	uint16_t next = 0;

	for (;;) {
		uint16_t published = a->idx;
		uint16_t idx = published;
		while ((uint16_t)(idx - u->idx) < QUEUE_SIZE) {
			a->ring[idx % QUEUE_SIZE] = (uint16_t)(next * DESCS_PER_CHAIN);
			next = (uint16_t)((next + 1) % NUM_CHAINS);
			idx++;
		}
		if (idx == published)
			continue;
		__asm__ volatile("dmb ish" : : : "memory");
		a->idx = idx;
		__asm__ volatile("dmb ish" : : : "memory");
		if (u->idx == published)
			virtio_notify(window);
	}
}

_Noreturn void main(void)
{
	print("virtio-flood: %lu nonzero words in the buffers at start\n",
	      nonzero_words(BUFFERS_ADDR, NUM_CHAINS * READ_BYTES));
	if (virtio_read(BLK_WINDOW, 0) != VIRTIO_MAGIC || !virtio_setup(BLK_WINDOW, &queue)) {
		print("virtio-flood: no virtio-blk device\n");
		for (;;)
			__asm__ volatile("wfi");
	}
	build_chains();
	print("virtio-flood: flooding\n");
	flood(BLK_WINDOW);
}
