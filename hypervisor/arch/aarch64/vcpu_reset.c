/* A vCPU's EL1 and EL0 state at its reset values, before it first runs: its
 * CPU may have run another zone, and nothing of that zone may leak through
 * system, FP/SIMD, timer, PMU or debug registers. */
#include <asm/sysreg.h>
#include <asm/sysreg_probe.h>

#include <asm/vcpu_reset.h>

#include "arch.h"
#include "platform.h"

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

/* Debug registers every Armv8 CPU has but an emulator may lack (QEMU before
 * 8.0 has only MDCCINT_EL1 of these): a reset names only those the CPU has,
 * as found at boot (sysreg_probe.S). */
enum {
	HAS_DTR_SAVE_RESTORE = 1 << 0,   /* OSDTRRX_EL1, OSDTRTX_EL1 */
	HAS_OSECCR           = 1 << 1,
	HAS_MDCCINT          = 1 << 2,
	HAS_CLAIM_TAGS       = 1 << 3,
};

#define CLAIM_TAGS_ALL 0xffULL

static unsigned debug_registers[MAX_CPUS];

void vcpu_reset_probe_cpu(unsigned cpu)
{
	debug_registers[cpu] =
		(sysreg_probe_osdtrrx_el1() && sysreg_probe_osdtrtx_el1() ? HAS_DTR_SAVE_RESTORE : 0) |
		(sysreg_probe_oseccr_el1() ? HAS_OSECCR : 0) |
		(sysreg_probe_mdccint_el1() ? HAS_MDCCINT : 0) |
		(sysreg_probe_dbgclaimclr_el1() ? HAS_CLAIM_TAGS : 0);
}

/* Besides breakpoints, watchpoints and MDSCR_EL1, a zone can leave state in
 * what is meant for an external debugger, which no zone has: the debug
 * communication channel (DTRRX and DTRTX with their full and overrun flags,
 * its interrupt enables MDCCINT_EL1), the exception catch control EDECCR
 * and the claim tags. None is trapped (MDCR_EL2.TDA would trap breakpoints
 * and MDSCR_EL1 too, which Linux uses); all are reset here. The OS Lock
 * goes first: its reset value is locked (the zone's kernel unlocks it), and
 * only while it is locked do MDSCR_EL1's save/restore fields (RXfull,
 * TXfull, RXO, TXU, INTdis, TDA), OSDTRRX_EL1, OSDTRTX_EL1 and OSECCR_EL1
 * write the external debug state behind them. */
static void reset_debug(void)
{
	uint64_t dfr0 = read_sysreg(id_aa64dfr0_el1);
	unsigned breakpoints = (unsigned)((dfr0 >> 12) & 0xf) + 1;
	unsigned watchpoints = (unsigned)((dfr0 >> 20) & 0xf) + 1;
	unsigned present = debug_registers[arch_cpu_id()];

	write_sysreg(oslar_el1, 1);
	isb();
	write_sysreg(mdscr_el1, 0);
	if (present & HAS_DTR_SAVE_RESTORE) {
		write_sysreg(osdtrrx_el1, 0);
		write_sysreg(osdtrtx_el1, 0);
	}
	if (present & HAS_OSECCR)
		write_sysreg(oseccr_el1, 0);
	if (present & HAS_MDCCINT)
		write_sysreg(mdccint_el1, 0);
	if (present & HAS_CLAIM_TAGS)
		write_sysreg(dbgclaimclr_el1, CLAIM_TAGS_ALL);
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
