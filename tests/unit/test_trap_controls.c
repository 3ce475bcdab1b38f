/* MDCR_EL2 and CPTR_EL2 from the CPU's ID registers. Values from the Arm ARM:
 * ID_AA64DFR0_EL1 TraceVer [7:4], PMUVer [11:8] (4: PMUv3p1, 0xf: IMPDEF),
 * TraceFilt [43:40]; PMCR_EL0.N [15:11]; MDCR_EL2 HPMN [4:0], TPM 6, TDOSA
 * 10, TDRA 11, HPMD 17, TTRF 19, TDA 9, TDE 8; CPTR_EL2 RES1 [13:12] [9:0],
 * TTA 20, TFP 10. A cortex-a72 reads ID_AA64DFR0_EL1 0x10305106 and PMCR_EL0
 * 0x41023000 (N 6). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <asm/trap_controls.h>

#define CORTEX_A72_DFR0 0x10305106ULL
#define CORTEX_A72_PMCR 0x41023000ULL
#define TRACEVER_SYSREG (1ULL << 4)
#define TRACEFILT       (1ULL << 40)
#define PMUVER(v)       ((uint64_t)(v) << 8)
#define PMUVER_MASK     PMUVER(0xf)

#define MDCR_HPMN(mdcr) ((mdcr) & 0x1f)
#define MDCR_TPM        (1ULL << 6)
#define MDCR_TDE        (1ULL << 8)
#define MDCR_TDA        (1ULL << 9)
#define MDCR_TDOSA      (1ULL << 10)
#define MDCR_TDRA       (1ULL << 11)
#define MDCR_HPMD       (1ULL << 17)
#define MDCR_TTRF       (1ULL << 19)
#define CPTR_RES1       0x33ffULL
#define CPTR_TFP        (1ULL << 10)
#define CPTR_TTA        (1ULL << 20)

/* Breakpoints, watchpoints and MDSCR_EL1 stay the zone's, untrapped. */
static void a_cortex_a72_traps_the_pmu_and_os_registers_only(void **state)
{
	uint64_t mdcr = mdcr_el2_for(CORTEX_A72_DFR0, CORTEX_A72_PMCR);

	(void)state;
	assert_int_equal(MDCR_HPMN(mdcr), 6);
	assert_int_equal(mdcr & ~0x1fULL, MDCR_TPM | MDCR_TDOSA | MDCR_TDRA);
	assert_false(mdcr & (MDCR_TDA | MDCR_TDE));
}

/* A cortex-a72 has no trace unit system registers: TTA is RES0 there. */
static void a_cortex_a72_leaves_cptr_at_its_res1_bits(void **state)
{
	(void)state;
	assert_int_equal(cptr_el2_for(CORTEX_A72_DFR0), CPTR_RES1);
}

static void trace_unit_system_registers_trap(void **state)
{
	uint64_t dfr0 = (CORTEX_A72_DFR0 & ~0xf0ULL) | TRACEVER_SYSREG;

	(void)state;
	assert_int_equal(cptr_el2_for(dfr0), CPTR_RES1 | CPTR_TTA);
	assert_false(cptr_el2_for(dfr0) & CPTR_TFP);
}

static void the_trace_filter_traps_where_it_exists(void **state)
{
	(void)state;
	assert_false(mdcr_el2_for(CORTEX_A72_DFR0, CORTEX_A72_PMCR) & MDCR_TTRF);
	assert_true(mdcr_el2_for(CORTEX_A72_DFR0 | TRACEFILT, CORTEX_A72_PMCR) & MDCR_TTRF);
}

static void counting_at_el2_is_prohibited_from_pmuv3p1(void **state)
{
	uint64_t base = CORTEX_A72_DFR0 & ~PMUVER_MASK;

	(void)state;
	assert_false(mdcr_el2_for(base | PMUVER(1), CORTEX_A72_PMCR) & MDCR_HPMD);
	assert_true(mdcr_el2_for(base | PMUVER(4), CORTEX_A72_PMCR) & MDCR_HPMD);
	assert_false(mdcr_el2_for(base | PMUVER(0xf), CORTEX_A72_PMCR) & MDCR_HPMD);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_cortex_a72_traps_the_pmu_and_os_registers_only),
		cmocka_unit_test(a_cortex_a72_leaves_cptr_at_its_res1_bits),
		cmocka_unit_test(trace_unit_system_registers_trap),
		cmocka_unit_test(the_trace_filter_traps_where_it_exists),
		cmocka_unit_test(counting_at_el2_is_prohibited_from_pmuv3p1),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
