/* SYSTEM instructions of any encoding: the fences and invalidations a
 * supervisor may use (SFENCE.VMA, SINVAL.VMA), the hypervisor's own
 * (HFENCE, HINVAL, HLV, HLVX, HSV: virtual instruction from VS mode), with
 * a0-a3 (random addresses and ASIDs) as their registers, FENCE.I, EBREAK,
 * and random words of the SYSTEM opcode. Left out: ECALL (op_sbi makes its
 * calls with chosen registers), SRET (it would resume at whatever sepc
 * holds), WFI and WRS (the hart could wait for an interrupt it never
 * takes). */
#include <stdint.h>

#include "ops.h"
#include "prng.h"

#define SYSTEM_OPCODE 0x73u
#define ECALL         0x00000073u
#define EBREAK        0x00100073u
#define SRET          0x10200073u
#define WFI           0x10500073u
#define WRS_NTO       0x00d00073u
#define WRS_STO       0x01d00073u
#define FENCE_I       0x0000100fu
#define FENCE_RW_RW   0x0330000fu
#define C_EBREAK_NOP  0x00019002u /* c.ebreak, then c.nop: two 16-bit instructions */

/* rs2 and rs1 are filled in (a0-a3); rd is a0 for the loads. */
static const uint32_t templates[] = {
	0x12000073u, /* SFENCE.VMA */
	0x16000073u, /* SINVAL.VMA */
	0x18000073u, /* SFENCE.W.INVAL (rs1, rs2 = 0 encode it; others are illegal) */
	0x22000073u, /* HFENCE.VVMA */
	0x62000073u, /* HFENCE.GVMA */
	0x26000073u, /* HINVAL.VVMA */
	0x66000073u, /* HINVAL.GVMA */
	0x60004573u, /* HLV.B a0 (rs2 1: HLV.BU) */
	0x64004573u, /* HLV.H a0 (rs2 1: HLV.HU, 3: HLVX.HU) */
	0x68004573u, /* HLV.W a0 (rs2 1: HLV.WU, 3: HLVX.WU) */
	0x6c004573u, /* HLV.D a0 */
	0x62004073u, /* HSV.B */
	0x66004073u, /* HSV.H */
	0x6a004073u, /* HSV.W */
	0x6e004073u, /* HSV.D */
	0x30200073u, /* MRET */
	0x7b200073u, /* DRET */
};

static const uint32_t plain[] = { FENCE_I, FENCE_RW_RW, EBREAK, C_EBREAK_NOP };

static uint32_t random_register(void)
{
	return 10 + (uint32_t)prng_below(4); /* a0-a3 */
}

static uint32_t random_system_word(void)
{
	uint32_t word = (uint32_t)prng_next();
	/* funct3 0 (privileged) or 4 (hypervisor loads and stores); CSR
	 * accesses are op_csr's. */
	uint32_t funct3 = prng_below(2) ? 0 : 4;

	word = (word & ~0x707fu) | funct3 << 12 | SYSTEM_OPCODE;
	if (word == ECALL || word == SRET || word == WFI || word == WRS_NTO || word == WRS_STO)
		return EBREAK;
	return word;
}

static uint32_t random_instruction(void)
{
	switch (prng_below(8)) {
	case 0:
		return random_system_word();
	case 1:
		return PRNG_PICK(plain);
	default: {
		uint32_t rs2 = prng_below(4) ? random_register() : (uint32_t)prng_below(4);
		return PRNG_PICK(templates) | rs2 << 20 | random_register() << 15;
	}
	}
}

void op_system(void)
{
	run_instruction(random_instruction(), random_argument(), random_argument(), prng_next(),
			prng_below(0x10000));
}
