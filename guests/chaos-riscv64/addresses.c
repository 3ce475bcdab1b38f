/* Addresses this zone must not reach, or reaches only through emulation:
 * the PLIC's window (its vPLIC), the devices and memory of zone0, the
 * firmware's and the hypervisor's memory and devices, the edges of its own
 * RAM, and the top of the guest-physical address space (Sv39x4: 41 bits). */
#include <stdint.h>

#include "ops.h"
#include "prng.h"

struct window {
	uint64_t start;
	uint64_t size;
};

static const struct window windows[] = {
	{ 0x0c000000, 0x4000000 }, /* PLIC, the whole window the zone is given */
	{ 0x0c000000, 0x1000 },    /* its source priorities */
	{ 0x0c002000, 0x400 },     /* every context's enables */
	{ 0x0c200000, 0x8000 },    /* every context's threshold and claim */
	{ 0x10000000, 0x1000 },    /* zone0's UART */
	{ 0x10001000, 0x8000 },    /* virtio-mmio, zone0's */
	{ 0x02000000, 0x10000 },   /* CLINT, the hypervisor's */
	{ 0x00100000, 0x1000 },    /* sifive_test: power-off, the hypervisor's */
	{ 0x00101000, 0x1000 },    /* RTC */
	{ 0x00000000, 0x1000 },    /* boot ROM */
	{ 0x30000000, 0x1000 },    /* PCIe ECAM */
	{ 0x80000000, 0x1000 },    /* OpenSBI */
	{ 0x80200000, 0x1000 },    /* the hypervisor's image */
	{ 0x8ffff000, 0x1000 },    /* the end of the hypervisor's region */
	{ 0x90000000, 0x1000 },    /* zone0's RAM */
	{ OWN_RAM_START - 0x1000, 0x1000 }, /* just below own RAM */
	{ OWN_RAM_END, 0x1000 },   /* just above */
	{ 0xfffff000, 0x2000 },    /* the end of zone0's RAM and of physical RAM */
	{ 0x1fffffff000, 0x1000 }, /* the top of a 41-bit guest-physical space */
	{ 0x20000000000, 0x1000 }, /* beyond it */
	{ 0x7ffffff000, 0x1000 },  /* the top of a 39-bit space */
	{ 0xfffffffffffff000, 0x1000 },
};

uint64_t random_outside_address(void)
{
	const struct window *w = &PRNG_PICK(windows);

	return w->start + prng_below(w->size);
}

/* Never into the guest's own code and data: the calls that take pointers
 * write there. */
static uint64_t random_pointer(void)
{
	switch (prng_below(5)) {
	case 0:
		return SCRATCH_START + prng_below(OWN_RAM_END - SCRATCH_START);
	case 1:
		return OWN_RAM_END - prng_below(0x2000);    /* straddling its end */
	case 2:
		return random_outside_address();
	case 3:
		return 0 - prng_below(0x10000);             /* wrapping around */
	default:
		return prng_next();
	}
}

/* Sizes and counts: small, page-sized, just over a boundary, or absurd. */
static uint64_t random_size(void)
{
	switch (prng_below(4)) {
	case 0:
		return prng_below(16);
	case 1:
		return prng_below(0x10000);
	case 2:
		return 0 - prng_below(16);
	default:
		return prng_next();
	}
}

uint64_t random_argument(void)
{
	return prng_below(2) ? random_pointer() : random_size();
}
