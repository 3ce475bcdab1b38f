/* The debug console of a non-root zone: an emulated PL011 at the address of
 * the board's UART, transmit only. Each line the zone writes goes to the
 * hypervisor console behind the zone's name, within a rate limit so that a
 * chatty zone cannot starve the others. */
#ifndef VPL011_H
#define VPL011_H

#include <stdint.h>

#include "spinlock.h"

#define VPL011_LINE_MAX 160

struct vpl011 {
	spinlock_t lock;
	char line[VPL011_LINE_MAX + 1];
	unsigned line_len;
	uint32_t ibrd, fbrd, lcr_h, cr, ifls, imsc, dmacr;
	uint64_t window_start_ns;
	unsigned bytes_in_window;
	unsigned bytes_dropped;
};

struct zone;

int vpl011_attach(struct zone *zone, uint64_t base, uint64_t size);

#endif
