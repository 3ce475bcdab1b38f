/* Where an injected exception enters the guest's EL1 and with which syndrome.
 * Values from the Arm ARM: vector offsets 0x000 (current EL, SP_EL0), 0x200
 * (current EL, SP_ELx), 0x400 (lower EL, AArch64), 0x600 (lower EL,
 * AArch32); SPSR.M[4] set for AArch32, M[3:0] 0b0000 EL0t / User, 0b0100 EL1t,
 * 0b0101 EL1h; ESR EC [31:26], IL [25], WnR [6], FSC [5:0]. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <asm/el1_exception.h>

#define SPSR_EL0T      0x0ULL
#define SPSR_EL1T      0x4ULL
#define SPSR_EL1H      0x5ULL
#define SPSR_A32_USR   0x10ULL
#define SPSR_T         (1ULL << 5)   /* AArch32 T32 (Thumb) state */

#define ESR_EC(esr)    ((esr) >> 26 & 0x3f)
#define ESR_IL         (1ULL << 25)
#define ESR_WNR        (1ULL << 6)
#define ESR_FSC(esr)   ((esr) & 0x3f)

static void vectors_by_interrupted_state(void **state)
{
	(void)state;
	assert_int_equal(el1_sync_vector_offset(SPSR_EL1T), 0x000);
	assert_int_equal(el1_sync_vector_offset(SPSR_EL1H), 0x200);
	assert_int_equal(el1_sync_vector_offset(SPSR_EL0T), 0x400);
}

/* AArch32 User mode has M[3:0] = 0 like EL0t: only M[4] tells them apart. */
static void aarch32_el0_goes_to_the_aarch32_vector(void **state)
{
	(void)state;
	assert_int_equal(el1_sync_vector_offset(SPSR_A32_USR), 0x600);
	assert_int_equal(el1_sync_vector_offset(SPSR_A32_USR | SPSR_T), 0x600);
}

static void el0_is_el0t_or_aarch32(void **state)
{
	(void)state;
	assert_true(interrupted_at_el0(SPSR_EL0T));
	assert_true(interrupted_at_el0(SPSR_A32_USR));
	assert_false(interrupted_at_el0(SPSR_EL1T));
	assert_false(interrupted_at_el0(SPSR_EL1H));
}

static void aborts_from_el0_are_lower_el_aborts(void **state)
{
	(void)state;
	assert_int_equal(ESR_EC(el1_abort_esr(SPSR_EL0T, false, false)), 0x24);
	assert_int_equal(ESR_EC(el1_abort_esr(SPSR_A32_USR, false, false)), 0x24);
	assert_int_equal(ESR_EC(el1_abort_esr(SPSR_A32_USR, true, false)), 0x20);
	assert_int_equal(ESR_EC(el1_abort_esr(SPSR_EL1H, false, false)), 0x25);
	assert_int_equal(ESR_EC(el1_abort_esr(SPSR_EL1T, true, false)), 0x21);
}

static void abort_syndrome_is_a_synchronous_external_abort(void **state)
{
	uint64_t write = el1_abort_esr(SPSR_EL1H, false, true);
	uint64_t fetch = el1_abort_esr(SPSR_EL1H, true, true);

	(void)state;
	assert_int_equal(ESR_FSC(write), 0x10);
	assert_true(write & ESR_WNR);
	assert_false(el1_abort_esr(SPSR_EL1H, false, false) & ESR_WNR);
	assert_false(fetch & ESR_WNR);
}

/* Even after a 16-bit T32 instruction: the Arm ARM fixes IL at 1 for EC 0,
 * instruction aborts and data aborts without a valid ISS. */
static void injected_syndromes_have_il_set(void **state)
{
	(void)state;
	assert_int_equal(el1_undefined_esr(), ESR_IL);
	assert_true(el1_abort_esr(SPSR_A32_USR | SPSR_T, false, false) & ESR_IL);
	assert_true(el1_abort_esr(SPSR_A32_USR | SPSR_T, true, false) & ESR_IL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vectors_by_interrupted_state),
		cmocka_unit_test(aarch32_el0_goes_to_the_aarch32_vector),
		cmocka_unit_test(el0_is_el0t_or_aarch32),
		cmocka_unit_test(aborts_from_el0_are_lower_el_aborts),
		cmocka_unit_test(abort_syndrome_is_a_synchronous_external_abort),
		cmocka_unit_test(injected_syndromes_have_il_set),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
