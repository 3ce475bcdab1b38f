/* Hypercalls with random codes and arguments, SMCCC and PSCI calls over
 * SMC and HVC with any immediate, and SGIs to any target list. */
#include <stdint.h>

#include "ops.h"
#include "prng.h"
#include "tessera/hypercall.h"

#define HVC(imm) (0xd4000002u | (uint32_t)(imm) << 5)
#define SMC(imm) (0xd4000003u | (uint32_t)(imm) << 5)

#define PSCI_CPU_OFF         0x84000002u
#define PSCI_SYSTEM_OFF      0x84000008u
#define PSCI_SYSTEM_RESET    0x84000009u
#define PSCI_SYSTEM_RESET2   0x84000012u
#define PSCI_SYSTEM_RESET2_64 0xc4000012u
#define SAFE_FUNCTION_ID     0x84000000u /* PSCI_VERSION */

static const uint64_t hypercall_codes[] = {
	HC_VIRTIO_INIT, HC_VIRTIO_INJECT_IRQ, HC_ZONE_START, HC_ZONE_SHUTDOWN, HC_ZONE_LIST,
	HC_IVC_INFO, HC_CONFIG_CHECK, HC_CLEAR_INJECT_IRQ, HC_ZONE_CONFIG_GET, 7, 8, 47, 49,
	0xffffffffffffffffULL, 0x8000000000000000ULL, 0x100000000ULL + HC_ZONE_LIST,
};

/* Function ID bases: PSCI 32 and 64-bit, SMCCC architecture calls (the
 * workarounds among them), vendor and standard service ranges. */
static const uint64_t function_bases[] = {
	0x84000000, 0xc4000000, 0x80000000, 0x80008000, 0x80007fff, 0x80003fff,
	0x82000000, 0xc2000000, 0x86000000, 0xbf000000, 0xff000000,
};

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

static uint64_t random_argument(void)
{
	return prng_below(2) ? random_pointer() : random_size();
}

/* A function ID whose low 32 bits (all that a 32-bit ID is) would end the
 * run is replaced. */
static uint64_t harmless_function_id(uint64_t fid)
{
	switch ((uint32_t)fid) {
	case PSCI_CPU_OFF:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_SYSTEM_RESET2:
	case PSCI_SYSTEM_RESET2_64:
		return SAFE_FUNCTION_ID;
	default:
		return fid;
	}
}

void op_hypercall(void)
{
	uint64_t code = prng_below(4) ? PRNG_PICK(hypercall_codes) : prng_next();

	run_instruction(HVC(TESSERA_HVC_IMM), code, random_argument(), random_argument(),
			random_argument());
}

static uint64_t random_function_id(void)
{
	uint64_t fid = prng_below(8) ? PRNG_PICK(function_bases) + prng_below(0x20) : prng_next();

	if (prng_below(4) == 0)
		fid |= prng_next() << 32;
	return harmless_function_id(fid);
}

void op_smccc(void)
{
	uint64_t fid = random_function_id();
	uint16_t imm = prng_below(2) ? 0 : (uint16_t)prng_next();
	uint32_t instruction = prng_below(2) ? SMC(imm) : HVC(imm == TESSERA_HVC_IMM ? 0 : imm);

	run_instruction(instruction, fid, random_argument(), random_argument(), random_argument());
}

void op_sgi(void)
{
	uint64_t value = prng_next();

	if (prng_below(2))
		value &= 0x00ff00ff0f00ffffULL | 1ULL << 40; /* defined fields only */
	__asm__ volatile("msr S3_0_C12_C11_5, %0" : : "r"(value) : "memory"); /* ICC_SGI1R_EL1 */
}
