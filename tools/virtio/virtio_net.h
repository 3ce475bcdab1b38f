/* virtio-net (device ID 1) over a TAP: queue 0 receives, queue 1
 * transmits; each frame carries the 12-byte virtio_net_hdr_v1 both in the
 * guest and on the TAP (IFF_VNET_HDR). Checksum and TSO offloads (IPv4,
 * IPv6) are offered both ways. On transmit the guest's header goes to the
 * TAP as it is, and zone0's kernel checks it, finishes the checksum and
 * segments. On receive the TAP offloads to the guest what it negotiated
 * (TUNSETOFFLOAD) and the guest gets the TAP's header with num_buffers = 1;
 * a guest without the checksum offload gets a zero header. */
#ifndef VIRTIO_NET_H
#define VIRTIO_NET_H

#include <stdint.h>

#include "virtio_mmio_device.h"

#define VIRTIO_NET_RX 0
#define VIRTIO_NET_TX 1
#define VIRTIO_NET_HEADER_BYTES 12

/* The TAP's offloads (TUN_F_*) for a guest with these features. */
unsigned virtio_net_tap_offloads(uint64_t driver_features);

/* Takes over tap_fd, which must be non-blocking: anything that reads and
 * writes whole frames (a TAP; a SOCK_SEQPACKET socket in the tests). */
struct virtio_mmio_device *virtio_net_create(const struct virtio_device_setup *setup,
					     int tap_fd, const uint8_t mac[6]);

#endif
