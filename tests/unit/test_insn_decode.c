/* Decoding of trapped guest loads and stores. The instructions are built here
 * from the RISC-V ISA manual's encodings, independently of insn_decode.c:
 *   I-type load   imm[11:0] [31:20], rs1 [19:15], funct3 [14:12], rd [11:7], 0000011
 *   S-type store  imm[11:5] [31:25], rs2 [24:20], rs1 [19:15], funct3 [14:12],
 *                 imm[4:0] [11:7], 0100011
 *   CL/CS (quadrant 0)  funct3 [15:13], imm [12:10], rs1' [9:7], imm [6:5],
 *                       rd'/rs2' [4:2], 00
 *   CI (C.LWSP, C.LDSP) funct3 [15:13], imm [12], rd [11:7], imm [6:2], 10
 *   CSS (C.SWSP, C.SDSP) funct3 [15:13], imm [12:7], rs2 [6:2], 10
 * and htinst's transformed instruction (privileged ISA): the 32-bit form with
 * rs1 and the offset zeroed, bit 1 cleared when the trapping one was compressed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <asm/insn_decode.h>

enum { LB, LH, LW, LD, LBU, LHU, LWU };
enum { SB, SH, SW, SD };
enum { C_LW = 2, C_LD = 3, C_SW = 6, C_SD = 7 };

static uint32_t load(unsigned funct3, unsigned rd, unsigned rs1, uint32_t imm12)
{
	return imm12 << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | 0x03;
}

static uint32_t store(unsigned funct3, unsigned rs2, unsigned rs1, uint32_t imm12)
{
	return (imm12 >> 5) << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | (imm12 & 31) << 7 |
	       0x23;
}

/* C.LW, C.LD, C.SW, C.SD: `reg` is x8..x15, the base x8 + rs1p. */
static uint32_t c_mem(unsigned funct3, unsigned reg, unsigned rs1p, unsigned imm_bits)
{
	return funct3 << 13 | (imm_bits & 7) << 10 | rs1p << 7 | (imm_bits >> 3 & 3) << 5 |
	       (reg - 8) << 2;
}

static uint32_t c_load_sp(unsigned funct3, unsigned rd, unsigned imm_bits)
{
	return funct3 << 13 | (imm_bits >> 5 & 1) << 12 | rd << 7 | (imm_bits & 31) << 2 | 2;
}

static uint32_t c_store_sp(unsigned funct3, unsigned rs2, unsigned imm_bits)
{
	return funct3 << 13 | (imm_bits & 63) << 7 | rs2 << 2 | 2;
}

/* htinst for a trapping load or store: address fields zeroed, and bit 1
 * cleared if the instruction was compressed. */
static uint32_t transformed(uint32_t insn32, bool was_compressed)
{
	/* imm and rs1 of an I-type load; imm[11:5], rs1 and imm[4:0] of a store. */
	uint32_t address_fields = (insn32 & 0x7f) == 0x23 ? 0xfe0f8f80u : 0xffff8000u;
	uint32_t zeroed = insn32 & ~address_fields;

	return was_compressed ? zeroed & ~2u : zeroed;
}

static struct mmio_insn decode(uint32_t insn)
{
	struct mmio_insn d = { 0 };

	assert_true(mmio_insn_decode(insn, &d));
	return d;
}

static void check(struct mmio_insn d, unsigned len, unsigned size, bool is_store,
		  bool sign_extend, unsigned reg)
{
	assert_int_equal(d.len, len);
	assert_int_equal(d.size, size);
	assert_int_equal(d.is_store, is_store);
	assert_int_equal(d.sign_extend, sign_extend);
	assert_int_equal(d.reg, reg);
}

static void rejected(uint32_t insn)
{
	struct mmio_insn d = { .len = 99, .size = 99, .reg = 99 };

	assert_false(mmio_insn_decode(insn, &d));
	/* A refusal leaves the output alone. */
	assert_int_equal(d.len, 99);
	assert_int_equal(d.size, 99);
	assert_int_equal(d.reg, 99);
}

static void every_load_width_and_extension(void **state)
{
	(void)state;
	check(decode(load(LB, 5, 10, 0)), 4, 1, false, true, 5);
	check(decode(load(LH, 5, 10, 0)), 4, 2, false, true, 5);
	check(decode(load(LW, 5, 10, 0)), 4, 4, false, true, 5);
	check(decode(load(LD, 5, 10, 0)), 4, 8, false, false, 5);
	check(decode(load(LBU, 5, 10, 0)), 4, 1, false, false, 5);
	check(decode(load(LHU, 5, 10, 0)), 4, 2, false, false, 5);
	check(decode(load(LWU, 5, 10, 0)), 4, 4, false, false, 5);
}

static void every_store_width(void **state)
{
	(void)state;
	check(decode(store(SB, 7, 10, 0)), 4, 1, true, false, 7);
	check(decode(store(SH, 7, 10, 0)), 4, 2, true, false, 7);
	check(decode(store(SW, 7, 10, 0)), 4, 4, true, false, 7);
	check(decode(store(SD, 7, 10, 0)), 4, 8, true, false, 7);
}

static void every_register_including_x0(void **state)
{
	(void)state;
	for (unsigned reg = 0; reg < 32; reg++) {
		check(decode(load(LW, reg, 31 - reg, 0)), 4, 4, false, true, reg);
		check(decode(store(SD, reg, 31 - reg, 0)), 4, 8, true, false, reg);
	}
}

/* The base register and offset never matter: the fault gives the address. */
static void base_and_offset_are_ignored(void **state)
{
	(void)state;
	check(decode(load(LHU, 12, 31, 0xfff)), 4, 2, false, false, 12);
	check(decode(load(LD, 1, 2, 0x800)), 4, 8, false, false, 1);
	check(decode(store(SB, 3, 31, 0xfff)), 4, 1, true, false, 3);
	check(decode(store(SW, 31, 0, 0x7ff)), 4, 4, true, false, 31);
}

static void reserved_load_and_store_widths_are_rejected(void **state)
{
	(void)state;
	rejected(load(7, 5, 10, 0));
	for (unsigned funct3 = 4; funct3 < 8; funct3++)
		rejected(store(funct3, 5, 10, 0));
}

static void other_memory_instructions_are_rejected(void **state)
{
	(void)state;
	rejected(load(2, 5, 10, 0) | 0x04);            /* FLW: LOAD-FP 0000111 */
	rejected(load(3, 5, 10, 0) | 0x04);            /* FLD */
	rejected(load(6, 5, 10, 0) | 0x04);            /* VLE32.V, funct3 110 */
	rejected(store(2, 5, 10, 0) | 0x04);           /* FSW: STORE-FP 0100111 */
	rejected(store(3, 5, 10, 0) | 0x04);           /* FSD */
	rejected(store(7, 5, 10, 0) | 0x04);           /* VSE64.V */
	rejected(0x00b5202f);                          /* AMOADD.W x0, a1, (a0) */
	rejected(0x1005302f);                          /* LR.D x0, (a0) */
	rejected(0x18b5352f);                          /* SC.D a0, a1, (a0) */
	rejected(0x0ff0000f);                          /* FENCE */
	rejected(0x00050513);                          /* ADDI a0, a0, 0 */
	rejected(0xffffffff);
}

static void compressed_word_and_doubleword_loads_and_stores(void **state)
{
	(void)state;
	check(decode(c_mem(C_LW, 9, 3, 0x1f)), 2, 4, false, true, 9);
	check(decode(c_mem(C_LD, 10, 0, 0)), 2, 8, false, false, 10);
	check(decode(c_mem(C_SW, 11, 7, 0x15)), 2, 4, true, false, 11);
	check(decode(c_mem(C_SD, 15, 1, 0x0a)), 2, 8, true, false, 15);
}

/* rd' and rs2' are three bits naming x8 .. x15. */
static void compressed_registers_are_x8_to_x15(void **state)
{
	(void)state;
	for (unsigned reg = 8; reg < 16; reg++) {
		check(decode(c_mem(C_LW, reg, 0, 0)), 2, 4, false, true, reg);
		check(decode(c_mem(C_SD, reg, 7, 0x1f)), 2, 8, true, false, reg);
	}
}

static void stack_relative_forms(void **state)
{
	(void)state;
	for (unsigned reg = 1; reg < 32; reg++) {
		check(decode(c_load_sp(C_LW, reg, 0x3f)), 2, 4, false, true, reg);
		check(decode(c_load_sp(C_LD, reg, 0)), 2, 8, false, false, reg);
	}
	for (unsigned reg = 0; reg < 32; reg++) {
		check(decode(c_store_sp(C_SW, reg, 0x2a)), 2, 4, true, false, reg);
		check(decode(c_store_sp(C_SD, reg, 0x3f)), 2, 8, true, false, reg);
	}
}

/* C.LWSP and C.LDSP to x0 are reserved encodings; C.SWSP of x0 is a store of 0. */
static void stack_relative_loads_to_x0_are_reserved(void **state)
{
	(void)state;
	rejected(c_load_sp(C_LW, 0, 0x10));
	rejected(c_load_sp(C_LD, 0, 0x10));
}

static void a_compressed_instructions_upper_half_is_ignored(void **state)
{
	(void)state;
	check(decode(0xdead0000 | c_mem(C_LD, 13, 2, 0)), 2, 8, false, false, 13);
	check(decode(0xffff0000 | c_store_sp(C_SW, 4, 0)), 2, 4, true, false, 4);
	/* A 32-bit load in the upper half does not make the lower one valid. */
	rejected(load(LW, 5, 10, 0) << 16 | 0x2000);
}

static void other_compressed_instructions_are_rejected(void **state)
{
	(void)state;
	rejected(0x0000);                      /* the defined illegal instruction */
	rejected(0x0040);                      /* C.ADDI4SPN s0, sp, 4 */
	rejected(c_mem(1, 8, 0, 0));           /* C.FLD */
	rejected(c_mem(4, 8, 0, 0));           /* reserved (Zcb's loads and stores) */
	rejected(c_mem(5, 8, 0, 0));           /* C.FSD */
	rejected(c_load_sp(1, 5, 0));          /* C.FLDSP */
	rejected(c_load_sp(0, 5, 1));          /* C.SLLI */
	rejected(0x8082);                      /* C.JR ra (ret) */
	rejected(0x852e);                      /* C.MV a0, a1 */
	rejected(c_store_sp(5, 5, 0));         /* C.FSDSP */
	rejected(0x9002);                      /* C.EBREAK */
}

/* htinst of a compressed load or store: its 32-bit form, len 2. */
static void transformed_compressed_instructions(void **state)
{
	(void)state;
	check(decode(transformed(load(LW, 9, 0, 0), true)), 2, 4, false, true, 9);
	check(decode(transformed(load(LD, 31, 0, 0), true)), 2, 8, false, false, 31);
	check(decode(transformed(store(SW, 0, 0, 0), true)), 2, 4, true, false, 0);
	check(decode(transformed(store(SD, 14, 0, 0), true)), 2, 8, true, false, 14);
	/* Zcb's byte and halfword forms transform to the 32-bit ones too. */
	check(decode(transformed(load(LBU, 8, 0, 0), true)), 2, 1, false, false, 8);
	check(decode(transformed(load(LH, 8, 0, 0), true)), 2, 2, false, true, 8);
	check(decode(transformed(store(SH, 8, 0, 0), true)), 2, 2, true, false, 8);
	for (unsigned reg = 0; reg < 32; reg++)
		check(decode(transformed(load(LWU, reg, 0, 0), true)), 2, 4, false, false, reg);
}

/* htinst of a 32-bit load or store keeps bits 1:0 = 11. */
static void transformed_32bit_instructions(void **state)
{
	(void)state;
	check(decode(transformed(load(LB, 17, 9, 0x123), false)), 4, 1, false, true, 17);
	check(decode(transformed(store(SH, 6, 9, 0x123), false)), 4, 2, true, false, 6);
}

static void transformed_non_memory_instructions_are_rejected(void **state)
{
	(void)state;
	rejected(transformed(load(2, 5, 0, 0) | 0x04, true));  /* C.FLW's form: FLW */
	rejected(transformed(load(3, 5, 0, 0) | 0x04, true));  /* C.FLD's: FLD */
	rejected(transformed(store(3, 5, 0, 0) | 0x04, true)); /* C.FSD's: FSD */
	rejected(transformed(load(7, 5, 0, 0), true));
	rejected(transformed(store(4, 5, 0, 0), true));
}

/* The pseudoinstructions htinst holds for a fault during a guest page-table
 * walk (privileged ISA): not an access to emulate. */
static void page_table_walk_pseudoinstructions_are_rejected(void **state)
{
	(void)state;
	rejected(0x00002000);   /* 32-bit read for VS-stage address translation */
	rejected(0x00002020);   /* 32-bit write */
	rejected(0x00003000);   /* 64-bit read */
	rejected(0x00003020);   /* 64-bit write */
}

static uint64_t load_value(uint32_t insn, uint64_t raw)
{
	struct mmio_insn d = decode(insn);

	return mmio_insn_load_value(&d, raw);
}

static void loads_extend_to_64_bits(void **state)
{
	(void)state;
	assert_int_equal(load_value(load(LB, 1, 0, 0), 0x80), 0xffffffffffffff80ULL);
	assert_int_equal(load_value(load(LB, 1, 0, 0), 0xff7f), 0x7f);
	assert_int_equal(load_value(load(LBU, 1, 0, 0), 0x1234567890abcdefULL), 0xef);
	assert_int_equal(load_value(load(LH, 1, 0, 0), 0x8000), 0xffffffffffff8000ULL);
	assert_int_equal(load_value(load(LHU, 1, 0, 0), 0xffffffffffff8001ULL), 0x8001);
	assert_int_equal(load_value(load(LW, 1, 0, 0), 0x80000000), 0xffffffff80000000ULL);
	assert_int_equal(load_value(load(LW, 1, 0, 0), 0xffffffff7fffffffULL), 0x7fffffff);
	assert_int_equal(load_value(load(LWU, 1, 0, 0), 0xdeadbeefcafef00dULL), 0xcafef00d);
	assert_int_equal(load_value(load(LD, 1, 0, 0), 0xdeadbeefcafef00dULL),
			 0xdeadbeefcafef00dULL);
	assert_int_equal(load_value(c_mem(C_LW, 8, 0, 0), 0x80000000), 0xffffffff80000000ULL);
	assert_int_equal(load_value(c_load_sp(C_LD, 1, 0), 0x8000000000000000ULL),
			 0x8000000000000000ULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_load_width_and_extension),
		cmocka_unit_test(every_store_width),
		cmocka_unit_test(every_register_including_x0),
		cmocka_unit_test(base_and_offset_are_ignored),
		cmocka_unit_test(reserved_load_and_store_widths_are_rejected),
		cmocka_unit_test(other_memory_instructions_are_rejected),
		cmocka_unit_test(compressed_word_and_doubleword_loads_and_stores),
		cmocka_unit_test(compressed_registers_are_x8_to_x15),
		cmocka_unit_test(stack_relative_forms),
		cmocka_unit_test(stack_relative_loads_to_x0_are_reserved),
		cmocka_unit_test(a_compressed_instructions_upper_half_is_ignored),
		cmocka_unit_test(other_compressed_instructions_are_rejected),
		cmocka_unit_test(transformed_compressed_instructions),
		cmocka_unit_test(transformed_32bit_instructions),
		cmocka_unit_test(transformed_non_memory_instructions_are_rejected),
		cmocka_unit_test(page_table_walk_pseudoinstructions_are_rejected),
		cmocka_unit_test(loads_extend_to_64_bits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
