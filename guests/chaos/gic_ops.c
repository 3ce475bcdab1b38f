/* Accesses aimed at the GIC registers that hold state, rather than spread
 * over the windows: the distributor's enable, pending, active, priority,
 * configuration and routing registers, and the redistributor frames' SGI
 * and PPI ones, with values that often name this zone's own SPIs (78 and
 * 79 in zone1-chaos.json) and its own CPU, so that interrupts really
 * become pending, active and routed while the guest keeps them masked. */
#include <stdint.h>

#include "ops.h"
#include "prng.h"

#define GICD_BASE       0x08000000UL
#define GICR_BASE       0x080a0000UL
#define GICR_FRAME_SIZE 0x20000UL
#define GICR_SGI_BASE   0x10000UL
#define NUM_CPUS        4
#define OWN_CPU_AFF0    2

struct block {
	uint64_t offset;
	uint64_t size;
};

static const struct block distributor[] = {
	{ 0x0000, 0x10 },   /* CTLR, TYPER, IIDR, TYPER2 */
	{ 0x0080, 0x20 },   /* IGROUPR */
	{ 0x0100, 0x300 },  /* ISENABLER .. ICACTIVER */
	{ 0x0400, 0x100 },  /* IPRIORITYR */
	{ 0x0c00, 0x40 },   /* ICFGR */
	{ 0x6000, 0x800 },  /* IROUTER */
	{ 0xffd0, 0x30 },   /* identification */
};

static const struct block redistributor[] = {
	{ 0x0000, 0x20 },                   /* CTLR .. WAKER */
	{ GICR_SGI_BASE + 0x080, 0x4 },     /* IGROUPR0 */
	{ GICR_SGI_BASE + 0x100, 0x300 },   /* ISENABLER0 .. ICACTIVER0 */
	{ GICR_SGI_BASE + 0x400, 0x20 },    /* IPRIORITYR */
	{ GICR_SGI_BASE + 0xc00, 0x8 },     /* ICFGR0, ICFGR1 */
};

static const uint64_t values[] = {
	0, ~0ULL, 1u << 14 | 1u << 15, 1u << 27 | 1u << 30, OWN_CPU_AFF0, 1ULL << 31, 0xa0a0a0a0,
};

static uint64_t register_address(void)
{
	if (prng_below(2)) {
		const struct block *b = &PRNG_PICK(distributor);
		return GICD_BASE + b->offset + prng_below(b->size);
	}
	const struct block *b = &PRNG_PICK(redistributor);
	uint64_t frame = GICR_BASE + GICR_FRAME_SIZE * (prng_below(3) ? OWN_CPU_AFF0 :
							prng_below(NUM_CPUS));
	return frame + b->offset + prng_below(b->size);
}

void op_gic(void)
{
	uint64_t addr = register_address();
	uint64_t value = prng_below(2) ? PRNG_PICK(values) : prng_next();

	if (prng_below(4))
		addr &= ~3ULL;
	switch (prng_below(5)) {
	case 0:
		*(volatile uint32_t *)addr = (uint32_t)value;
		break;
	case 1:
		*(volatile uint64_t *)addr = value;
		break;
	case 2:
		*(volatile uint8_t *)addr = (uint8_t)value;
		break;
	case 3:
		(void)*(volatile uint64_t *)addr;
		break;
	default:
		(void)*(volatile uint32_t *)addr;
		break;
	}
}
