/* A vCPU's EL1 and EL0 state at its reset values, before it first runs: its
 * CPU may have run another zone, and nothing of that zone may leak through
 * system, FP/SIMD, timer, PMU or debug registers. */
#include <asm/sysreg.h>

#include <asm/vcpu_reset.h>

#define PMCR_RESET_COUNTERS (1ULL << 1 | 1ULL << 2)   /* P and C */

void fpsimd_clear(void);

static void reset_system_registers(void)
{
	write_sysreg(sctlr_el1, SCTLR_EL1_RES1);
	write_sysreg(ttbr0_el1, 0);
	write_sysreg(ttbr1_el1, 0);
	write_sysreg(tcr_el1, 0);
	write_sysreg(mair_el1, 0);
	write_sysreg(amair_el1, 0);
	write_sysreg(vbar_el1, 0);
	write_sysreg(contextidr_el1, 0);
	write_sysreg(cpacr_el1, 0);
	write_sysreg(csselr_el1, 0);
	write_sysreg(tpidr_el0, 0);
	write_sysreg(tpidrro_el0, 0);
	write_sysreg(tpidr_el1, 0);
	write_sysreg(sp_el0, 0);
	write_sysreg(sp_el1, 0);
	write_sysreg(elr_el1, 0);
	write_sysreg(spsr_el1, 0);
	write_sysreg(esr_el1, 0);
	write_sysreg(far_el1, 0);
	write_sysreg(afsr0_el1, 0);
	write_sysreg(afsr1_el1, 0);
	write_sysreg(par_el1, 0);
}

static void reset_timers(void)
{
	write_sysreg(cntv_ctl_el0, 0);
	write_sysreg(cntv_cval_el0, 0);
	write_sysreg(cntp_ctl_el0, 0);
	write_sysreg(cntp_cval_el0, 0);
	write_sysreg(cntkctl_el1, 0);
}

static void reset_pmu(void)
{
	unsigned counters = (unsigned)PMCR_N(read_sysreg(pmcr_el0));

	write_sysreg(pmcntenclr_el0, ~0ULL);
	write_sysreg(pmintenclr_el1, ~0ULL);
	write_sysreg(pmovsclr_el0, ~0ULL);
	for (unsigned n = 0; n < counters; n++) {
		write_sysreg(pmselr_el0, n);
		isb();
		write_sysreg(pmxevtyper_el0, 0);
	}
	write_sysreg(pmselr_el0, 0);
	write_sysreg(pmccfiltr_el0, 0);
	write_sysreg(pmuserenr_el0, 0);
	write_sysreg(pmcr_el0, PMCR_RESET_COUNTERS);
}

#define DEBUG_CASE(kind, n) \
	case n: \
		write_sysreg(dbg##kind##cr##n##_el1, 0); \
		write_sysreg(dbg##kind##vr##n##_el1, 0); \
		break

#define DEBUG_CASES(kind) \
	DEBUG_CASE(kind, 0); DEBUG_CASE(kind, 1); DEBUG_CASE(kind, 2); DEBUG_CASE(kind, 3); \
	DEBUG_CASE(kind, 4); DEBUG_CASE(kind, 5); DEBUG_CASE(kind, 6); DEBUG_CASE(kind, 7); \
	DEBUG_CASE(kind, 8); DEBUG_CASE(kind, 9); DEBUG_CASE(kind, 10); DEBUG_CASE(kind, 11); \
	DEBUG_CASE(kind, 12); DEBUG_CASE(kind, 13); DEBUG_CASE(kind, 14); DEBUG_CASE(kind, 15)

/* Registers beyond what the CPU implements must never be named: the counts
 * come from ID_AA64DFR0_EL1. */
static void reset_breakpoint(unsigned n)
{
	switch (n) {
	DEBUG_CASES(b);
	default:
		break;
	}
}

static void reset_watchpoint(unsigned n)
{
	switch (n) {
	DEBUG_CASES(w);
	default:
		break;
	}
}

static void reset_debug(void)
{
	uint64_t dfr0 = read_sysreg(id_aa64dfr0_el1);
	unsigned breakpoints = (unsigned)((dfr0 >> 12) & 0xf) + 1;
	unsigned watchpoints = (unsigned)((dfr0 >> 20) & 0xf) + 1;

	write_sysreg(mdscr_el1, 0);
	/* The OS Lock's reset value is locked; the zone's kernel unlocks it. */
	write_sysreg(oslar_el1, 1);
	for (unsigned n = 0; n < breakpoints; n++)
		reset_breakpoint(n);
	for (unsigned n = 0; n < watchpoints; n++)
		reset_watchpoint(n);
}

void vcpu_reset_el1_state(void)
{
	reset_system_registers();
	reset_timers();
	reset_pmu();
	reset_debug();
	fpsimd_clear();
	isb();
}

void vcpu_silence_timers(void)
{
	write_sysreg(cntv_ctl_el0, 0);
	write_sysreg(cntp_ctl_el0, 0);
	isb();
}
