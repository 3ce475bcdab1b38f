/* Addresses this zone must not reach, or reaches only through emulation:
 * the GIC's windows, the emulated UART, other zones' and the hypervisor's
 * memory, the edges of its own RAM, and the top of the address space. */
#include <stdint.h>

#include "ops.h"
#include "prng.h"

struct window {
	uint64_t start;
	uint64_t size;
};

static const struct window windows[] = {
	{ 0x08000000, 0x10000 },   /* GIC distributor */
	{ 0x080a0000, 0x80000 },   /* GIC redistributors, every CPU's frames */
	{ 0x08080000, 0x20000 },   /* GIC ITS, not given to zones */
	{ 0x09000000, 0x1000 },    /* UART, emulated for this zone */
	{ 0x0a000000, 0x4000 },    /* virtio-mmio, zone0's */
	{ 0x00000000, 0x1000 },    /* flash */
	{ 0x09010000, 0x1000 },    /* RTC */
	{ 0x10000000, 0x1000 },    /* PCIe window */
	{ 0x40000000, 0x1000 },    /* below the hypervisor */
	{ 0x40400000, 0x1000 },    /* the hypervisor's image */
	{ 0x48000000, 0x1000 },    /* the restart cache */
	{ OWN_RAM_START - 0x1000, 0x1000 }, /* just below own RAM */
	{ OWN_RAM_END, 0x1000 },   /* just above */
	{ 0x90000000, 0x1000 },    /* zone0's RAM */
	{ 0xbffff000, 0x2000 },    /* the end of zone0's RAM */
	{ 0x13ffff000, 0x2000 },   /* the end of physical RAM */
	{ 0x7ffffff000, 0x1000 },  /* the top of a 39-bit IPA space */
	{ 0x8000000000, 0x1000 },  /* beyond it */
	{ 0xfffffffffffff000, 0x1000 },
};

uint64_t random_outside_address(void)
{
	const struct window *w = &PRNG_PICK(windows);

	return w->start + prng_below(w->size);
}
