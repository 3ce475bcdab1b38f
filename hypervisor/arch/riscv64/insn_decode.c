/* The RISC-V unprivileged ISA's integer loads and stores (RV64I) and their
 * compressed forms (the C extension's quadrants 0 and 2), and the privileged
 * ISA's transformed instruction that htinst reports for a guest page fault.
 * The address fields are never needed: the fault reports the address. */
#include <asm/insn_decode.h>

#define OPCODE_MASK      0x7fu
#define OPCODE_LOAD      0x03u
#define OPCODE_STORE     0x23u

#define QUADRANT_MASK    0x3u
#define QUADRANT_2       0x2u
#define NOT_COMPRESSED   0x3u
/* htinst keeps bit 0 set and clears bit 1 for a compressed instruction. */
#define TRANSFORMED_COMPRESSED 0x1u

/* funct3 of the compressed loads and stores, in both quadrants. */
#define C_LW             2u
#define C_LD             3u
#define C_SW             6u
#define C_SD             7u

/* The compressed register fields rd' and rs2' name x8..x15. */
#define C_REG_BASE       8u

static unsigned bits(uint32_t insn, unsigned low, unsigned width)
{
	return (insn >> low) & ((1u << width) - 1);
}

static bool decode_32bit(uint32_t insn, struct mmio_insn *out)
{
	unsigned funct3 = bits(insn, 12, 3);

	switch (insn & OPCODE_MASK) {
	case OPCODE_LOAD:
		/* funct3 7 is reserved; bit 2 marks the zero-extending loads,
		 * of which there is no 64-bit one. */
		if (funct3 == 7)
			return false;
		out->is_store = false;
		out->size = 1u << (funct3 & 3);
		out->sign_extend = !(funct3 & 4) && out->size < 8;
		out->reg = bits(insn, 7, 5);
		return true;
	case OPCODE_STORE:
		if (funct3 > 3)
			return false;
		out->is_store = true;
		out->size = 1u << funct3;
		out->sign_extend = false;
		out->reg = bits(insn, 20, 5);
		return true;
	default:
		return false;
	}
}

/* The compressed forms' widths are words and doublewords only, loads of
 * words sign-extending as LW does. */
static bool decode_compressed(uint32_t insn, struct mmio_insn *out)
{
	unsigned funct3 = bits(insn, 13, 3);
	bool stack_relative = (insn & QUADRANT_MASK) == QUADRANT_2;

	if (funct3 != C_LW && funct3 != C_LD && funct3 != C_SW && funct3 != C_SD)
		return false;
	out->is_store = funct3 == C_SW || funct3 == C_SD;
	out->size = funct3 == C_LW || funct3 == C_SW ? 4 : 8;
	out->sign_extend = funct3 == C_LW;
	if (!stack_relative)
		out->reg = C_REG_BASE + bits(insn, 2, 3);
	else if (out->is_store)
		out->reg = bits(insn, 2, 5);
	else
		out->reg = bits(insn, 7, 5);
	/* C.LWSP and C.LDSP with rd x0 are reserved encodings. */
	return !(stack_relative && !out->is_store && out->reg == 0);
}

bool mmio_insn_decode(uint32_t insn, struct mmio_insn *out)
{
	struct mmio_insn decoded = { 0 };
	bool ok;

	switch (insn & QUADRANT_MASK) {
	case NOT_COMPRESSED:
		decoded.len = 4;
		ok = decode_32bit(insn, &decoded);
		break;
	case TRANSFORMED_COMPRESSED:
		decoded.len = 2;
		ok = decode_32bit(insn | NOT_COMPRESSED, &decoded);
		break;
	default:
		decoded.len = 2;
		ok = decode_compressed(insn & 0xffffu, &decoded);
		break;
	}
	if (ok)
		*out = decoded;
	return ok;
}

uint64_t mmio_insn_load_value(const struct mmio_insn *insn, uint64_t raw)
{
	unsigned width = insn->size * 8;
	uint64_t value = width == 64 ? raw : raw & ((1ULL << width) - 1);

	if (insn->sign_extend && width < 64 && (value >> (width - 1)) & 1)
		value |= ~0ULL << width;
	return value;
}
