/* The parts of the virtio 1.x specification the back-ends speak: the
 * virtio-mmio version 2 register file, device status bits, feature bits and
 * the split virtqueue layout. Written out here rather than taken from
 * <linux/virtio_*.h> so the layouts carry no kernel endianness wrappers. */
#ifndef VIRTIO_SPEC_H
#define VIRTIO_SPEC_H

#include <stdint.h>
#include <tessera/virtio_bridge.h>

/* Guest memory is read in place; both supported hosts are little-endian. */
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "virtio is little-endian");

#define VIRTIO_MMIO_MAGIC   0x74726976u   /* "virt" */
#define VIRTIO_MMIO_VERSION 2u
#define VIRTIO_VENDOR_ID    0x48564953u   /* "HVIS", hvisor's */

/* Register offsets; QueueNotify (0x50), InterruptACK (0x64) and Status
 * (0x70) come from <tessera/virtio_bridge.h>, which gives them a meaning of
 * its own. */
#define VIRTIO_MMIO_MAGIC_VALUE         0x000
#define VIRTIO_MMIO_VERSION_REG         0x004
#define VIRTIO_MMIO_DEVICE_ID           0x008
#define VIRTIO_MMIO_VENDOR_ID           0x00c
#define VIRTIO_MMIO_DEVICE_FEATURES     0x010
#define VIRTIO_MMIO_DEVICE_FEATURES_SEL 0x014
#define VIRTIO_MMIO_DRIVER_FEATURES     0x020
#define VIRTIO_MMIO_DRIVER_FEATURES_SEL 0x024
#define VIRTIO_MMIO_QUEUE_SEL           0x030
#define VIRTIO_MMIO_QUEUE_NUM_MAX       0x034
#define VIRTIO_MMIO_QUEUE_NUM           0x038
#define VIRTIO_MMIO_QUEUE_READY         0x044
#define VIRTIO_MMIO_INTERRUPT_STATUS    0x060
#define VIRTIO_MMIO_QUEUE_DESC_LOW      0x080
#define VIRTIO_MMIO_QUEUE_DESC_HIGH     0x084
#define VIRTIO_MMIO_QUEUE_DRIVER_LOW    0x090
#define VIRTIO_MMIO_QUEUE_DRIVER_HIGH   0x094
#define VIRTIO_MMIO_QUEUE_DEVICE_LOW    0x0a0
#define VIRTIO_MMIO_QUEUE_DEVICE_HIGH   0x0a4
#define VIRTIO_MMIO_CONFIG_GENERATION   0x0fc
#define VIRTIO_MMIO_CONFIG              0x100

#define VIRTIO_MMIO_INT_VRING  (1u << 0)
#define VIRTIO_MMIO_INT_CONFIG (1u << 1)

#define VIRTIO_STATUS_ACKNOWLEDGE        0x01u
#define VIRTIO_STATUS_DRIVER             0x02u
#define VIRTIO_STATUS_DRIVER_OK          0x04u
#define VIRTIO_STATUS_FEATURES_OK        0x08u
#define VIRTIO_STATUS_DEVICE_NEEDS_RESET 0x40u
#define VIRTIO_STATUS_FAILED             0x80u

#define VIRTIO_F_VERSION_1     (1ull << 32)
#define VIRTIO_NET_F_CSUM       (1ull << 0)
#define VIRTIO_NET_F_GUEST_CSUM (1ull << 1)
#define VIRTIO_NET_F_MAC        (1ull << 5)
#define VIRTIO_NET_F_GUEST_TSO4 (1ull << 7)
#define VIRTIO_NET_F_GUEST_TSO6 (1ull << 8)
#define VIRTIO_NET_F_HOST_TSO4  (1ull << 11)
#define VIRTIO_NET_F_HOST_TSO6  (1ull << 12)
#define VIRTIO_BLK_F_SEG_MAX   (1ull << 2)
#define VIRTIO_BLK_F_FLUSH     (1ull << 9)

enum virtio_device_id {
	VIRTIO_ID_NET = 1,
	VIRTIO_ID_BLOCK = 2,
	VIRTIO_ID_CONSOLE = 3,
};

/* Split virtqueue layout (virtio 1.x §2.7). */
#define VIRTQ_DESC_F_NEXT     1u
#define VIRTQ_DESC_F_WRITE    2u
#define VIRTQ_DESC_F_INDIRECT 4u
#define VIRTQ_AVAIL_F_NO_INTERRUPT 1u

struct virtq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct virtq_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[];
};

struct virtq_used_elem {
	uint32_t id;
	uint32_t len;
};

struct virtq_used {
	uint16_t flags;
	uint16_t idx;
	struct virtq_used_elem ring[];
};

/* Bytes each part of a queue of `num` entries occupies in guest memory,
 * counting the event-index words the spec reserves even when unused. */
#define VIRTQ_DESC_BYTES(num)  (16ull * (num))
#define VIRTQ_AVAIL_BYTES(num) (6ull + 2ull * (num))
#define VIRTQ_USED_BYTES(num)  (6ull + 8ull * (num))

#endif
