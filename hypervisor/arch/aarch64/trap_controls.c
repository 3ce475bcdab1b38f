/* MDCR_EL2 and CPTR_EL2 for a zone, following vcpu.c's table. A trap bit
 * whose feature the CPU lacks is RES0, so it is set only where the ID
 * registers show the feature:
 * - HPMD (PMUv3p1): PMU counters never count at EL2;
 * - CPTR_EL2.TTA (trace unit system registers, ID_AA64DFR0_EL1.TraceVer):
 *   every access traps, and the zone gets an undefined instruction
 *   (sysreg_trap.c). Nothing of a trace unit is reset when its CPU changes
 *   zones, and its trace would show the hypervisor's execution. A
 *   cortex-a72's ETM has no system register interface (TraceVer 0, TTA
 *   RES0); Linux touches trace registers only from a trace driver probed
 *   through a device tree node, which no zone's tree has;
 * - MDCR_EL2.TTRF (TRFCR_EL1, ID_AA64DFR0_EL1.TraceFilt): likewise, as the
 *   trace filter is neither reset nor of use without the trace unit. */
#include <asm/sysreg.h>
#include <asm/trap_controls.h>

uint64_t mdcr_el2_for(uint64_t id_aa64dfr0, uint64_t pmcr)
{
	uint64_t pmuver = ID_AA64DFR0_PMUVER(id_aa64dfr0);
	uint64_t mdcr = PMCR_N(pmcr) | MDCR_TPM | MDCR_TDOSA | MDCR_TDRA;

	if (pmuver >= PMUVER_V3P1 && pmuver != PMUVER_IMPDEF)
		mdcr |= MDCR_HPMD;
	if (ID_AA64DFR0_TRACEFILT(id_aa64dfr0))
		mdcr |= MDCR_TTRF;
	return mdcr;
}

uint64_t cptr_el2_for(uint64_t id_aa64dfr0)
{
	return CPTR_EL2_RES1 | (ID_AA64DFR0_TRACEVER(id_aa64dfr0) ? CPTR_EL2_TTA : 0);
}
