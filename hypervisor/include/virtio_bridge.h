/* The virtio trampoline, hypervisor side: a zone's accesses to its VIRTIO
 * windows become requests on the bridge page that zone0's daemon answers,
 * and the daemon's completions become the zones' device interrupts. */
#ifndef VIRTIO_BRIDGE_H
#define VIRTIO_BRIDGE_H

#include <stdbool.h>
#include <stdint.h>

struct vcpu;
struct zone;

/* HC_VIRTIO_INIT from zone0: the bridge page is the page of zone0's RAM at
 * `page_ipa`, freshly zeroed; requests waiting on an earlier page are lost. */
int64_t virtio_bridge_register(struct vcpu *caller, uint64_t page_ipa);
/* HC_VIRTIO_EXIT from zone0: the daemon of the bridge page at `page_ipa`
 * is gone; -HV_ENODEV if that page is not the bridge. */
int64_t virtio_bridge_unregister(struct vcpu *caller, uint64_t page_ipa);
/* HC_VIRTIO_INJECT_IRQ from zone0: raises the interrupt of each completion
 * the daemon posted; 0 as on hvisor, whose module hands the result to the
 * daemon unchanged (-HV_ENODEV with no bridge). */
int64_t virtio_bridge_complete(void);
/* Forwards the zone's VIRTIO windows to the bridge; 0 or -errno. */
int virtio_bridge_attach(struct zone *zone);
/* On a zone with VIRTIO windows that stopped: each device it reached gets
 * a reset (a write of 0 to its Status register), so the daemon forgets the
 * zone's queues before its RAM is used again; never a request where the
 * daemon has no device. */
void virtio_bridge_zone_stopped(struct zone *zone);
/* Whether the bridge page lies in [pa, pa + size): zone0 must keep it. */
bool virtio_bridge_in_range(uint64_t pa, uint64_t size);

#endif
