/* Data-abort syndrome decoding. The ESR values are built here from the Arm ARM
 * layout of ESR_ELx for a data abort (EC 0x24), independently of asm/esr.h:
 *   EC [31:26], IL [25], ISV [24], SAS [23:22], SSE [21], SRT [20:16], SF [15],
 *   AR [14], FnV [10], EA [9], CM [8], S1PTW [7], WnR [6], DFSC [5:0]. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <asm/dabt.h>

enum { SAS_BYTE, SAS_HALF, SAS_WORD, SAS_DOUBLE };

#define EC_DABT_LOWER   0x24ULL
#define DFSC_TRANS_L3   0x07ULL   /* translation fault, level 3 */

struct access {
	unsigned sas, srt;
	bool sse, sf, write;
};

/* A stage-2 translation fault of a 32-bit instruction with a valid syndrome. */
static uint64_t esr_for(struct access a)
{
	return EC_DABT_LOWER << 26 | 1ULL << 25 | 1ULL << 24 | (uint64_t)a.sas << 22 |
	       (uint64_t)a.sse << 21 | (uint64_t)a.srt << 16 | (uint64_t)a.sf << 15 |
	       (uint64_t)a.write << 6 | DFSC_TRANS_L3;
}

static struct dabt_syndrome decode(uint64_t esr)
{
	struct dabt_syndrome s = { 0 };

	assert_true(dabt_decode(esr, &s));
	return s;
}

static void no_valid_syndrome_cannot_be_emulated(void **state)
{
	struct dabt_syndrome s;

	(void)state;
	/* ISV clear, as for LDP/STP or writeback forms. */
	uint64_t esr = esr_for((struct access){ .sas = SAS_WORD, .srt = 1 }) & ~(1ULL << 24);
	assert_false(dabt_decode(esr, &s));
}

static void stage1_walk_fault_cannot_be_emulated(void **state)
{
	struct dabt_syndrome s;

	(void)state;
	uint64_t esr = esr_for((struct access){ .sas = SAS_DOUBLE, .srt = 2, .sf = true });
	assert_false(dabt_decode(esr | 1ULL << 7, &s));
}

static void decodes_a_byte_store(void **state)
{
	(void)state;
	/* STRB w5, [x0] */
	struct dabt_syndrome s = decode(esr_for((struct access){ .sas = SAS_BYTE, .srt = 5,
								 .write = true }));
	assert_int_equal(s.size, 1);
	assert_true(s.is_write);
	assert_int_equal(s.reg, 5);
	assert_false(s.sign_extend);
	assert_false(s.sixty_four);
}

static void decodes_a_signed_halfword_load_to_x(void **state)
{
	(void)state;
	/* LDRSH x17, [x0] */
	struct dabt_syndrome s = decode(esr_for((struct access){ .sas = SAS_HALF, .srt = 17,
								 .sse = true, .sf = true }));
	assert_int_equal(s.size, 2);
	assert_false(s.is_write);
	assert_int_equal(s.reg, 17);
	assert_true(s.sign_extend);
	assert_true(s.sixty_four);
}

static void every_access_size(void **state)
{
	const unsigned bytes[] = { 1, 2, 4, 8 };

	(void)state;
	for (unsigned sas = SAS_BYTE; sas <= SAS_DOUBLE; sas++)
		assert_int_equal(decode(esr_for((struct access){ .sas = sas, .sf = true })).size,
				 bytes[sas]);
}

static void every_transfer_register(void **state)
{
	(void)state;
	/* 31 is XZR/WZR for loads and stores, never SP. */
	for (unsigned srt = 0; srt <= 31; srt++)
		assert_int_equal(decode(esr_for((struct access){ .sas = SAS_WORD, .srt = srt })).reg,
				 srt);
}

static void other_syndrome_bits_are_ignored(void **state)
{
	(void)state;
	/* AR, FnV, EA and CM set; a different fault status code. */
	uint64_t noise = 1ULL << 14 | 1ULL << 10 | 1ULL << 9 | 1ULL << 8;
	uint64_t esr = (esr_for((struct access){ .sas = SAS_WORD, .srt = 3 }) & ~0x3fULL) | noise |
		       0x0b;
	struct dabt_syndrome s = decode(esr);
	assert_int_equal(s.size, 4);
	assert_int_equal(s.reg, 3);
	assert_false(s.is_write);
	assert_false(s.sign_extend);
	assert_false(s.sixty_four);
}

static uint64_t load(unsigned sas, bool sse, bool sf, uint64_t raw)
{
	struct dabt_syndrome s = decode(esr_for((struct access){ .sas = sas, .sse = sse, .sf = sf }));

	return dabt_load_value(&s, raw);
}

static void loads_zero_extend_and_drop_bytes_beyond_the_size(void **state)
{
	(void)state;
	assert_int_equal(load(SAS_BYTE, false, false, 0x1234567890abcdefULL), 0xef);    /* LDRB w */
	assert_int_equal(load(SAS_HALF, false, false, 0xffffffffffff8001ULL), 0x8001);  /* LDRH w */
	assert_int_equal(load(SAS_WORD, false, false, 0xdeadbeefcafef00dULL), 0xcafef00d);
	assert_int_equal(load(SAS_WORD, false, true, 0xdeadbeefcafef00dULL), 0xcafef00d);
	assert_int_equal(load(SAS_DOUBLE, false, true, 0xdeadbeefcafef00dULL),
			 0xdeadbeefcafef00dULL);                                         /* LDR x */
}

static void signed_loads_extend_to_the_register_width(void **state)
{
	(void)state;
	assert_int_equal(load(SAS_BYTE, true, false, 0x80), 0xffffff80ULL);              /* LDRSB w */
	assert_int_equal(load(SAS_BYTE, true, true, 0x80), 0xffffffffffffff80ULL);       /* LDRSB x */
	assert_int_equal(load(SAS_HALF, true, false, 0x8000), 0xffff8000ULL);            /* LDRSH w */
	assert_int_equal(load(SAS_HALF, true, true, 0xfffe), 0xfffffffffffffffeULL);     /* LDRSH x */
	assert_int_equal(load(SAS_WORD, true, true, 0x80000000), 0xffffffff80000000ULL); /* LDRSW */
	/* Positive values and garbage above the size. */
	assert_int_equal(load(SAS_BYTE, true, true, 0xff7f), 0x7f);
	assert_int_equal(load(SAS_WORD, true, true, 0xffffffff7fffffffULL), 0x7fffffff);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_valid_syndrome_cannot_be_emulated),
		cmocka_unit_test(stage1_walk_fault_cannot_be_emulated),
		cmocka_unit_test(decodes_a_byte_store),
		cmocka_unit_test(decodes_a_signed_halfword_load_to_x),
		cmocka_unit_test(every_access_size),
		cmocka_unit_test(every_transfer_register),
		cmocka_unit_test(other_syndrome_bits_are_ignored),
		cmocka_unit_test(loads_zero_extend_and_drop_bytes_beyond_the_size),
		cmocka_unit_test(signed_loads_extend_to_the_register_width),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
