/* The PMU as a zone sees it, with MDCR_EL2.TPM set: every access traps and
 * is made here on the zone's own CPU's PMU, except that an event filter can
 * never ask to count at EL2 (PMEVTYPER<n>_EL0.NSH, PMCCFILTR_EL0.NSH): on
 * PMUs older than v3p1 (the Cortex-A72's) MDCR_EL2.HPMD cannot prohibit it,
 * and those counts would show a zone what the hypervisor does. The indexed
 * registers are reached through PMSELR_EL0, which is put back afterwards.
 * A write to PMSWINC_EL0, made here, would be counted as made at EL2, so
 * never: its effect is computed (pmu_sw_increment.c) and written instead. */
#include <asm/pmu_sw_increment.h>
#include <asm/pmu_trap.h>
#include <asm/sysreg.h>

#include "util.h"

#define PMSELR_CYCLE_FILTER 31

/* A register in the ISS layout of exception class 0x18. */
#define ISS(op0, op1, crn, crm, op2) \
	((uint32_t)(op0) << 20 | (uint32_t)(op2) << 17 | (uint32_t)(op1) << 14 | \
	 (uint32_t)(crn) << 10 | (uint32_t)(crm) << 1)
#define ISS_OP2(iss) (((iss) >> 17) & 7)
#define ISS_CRM(iss) (((iss) >> 1) & 15)
#define ISS_WITHOUT_CRM_OP2(iss) ((iss) & ~(ISS(0, 0, 0, 15, 7)))

#define PMCR_EL0       ISS(3, 3, 9, 12, 0)
#define PMCNTENSET_EL0 ISS(3, 3, 9, 12, 1)
#define PMCNTENCLR_EL0 ISS(3, 3, 9, 12, 2)
#define PMOVSCLR_EL0   ISS(3, 3, 9, 12, 3)
#define PMSWINC_EL0    ISS(3, 3, 9, 12, 4)
#define PMSELR_EL0     ISS(3, 3, 9, 12, 5)
#define PMCEID0_EL0    ISS(3, 3, 9, 12, 6)
#define PMCEID1_EL0    ISS(3, 3, 9, 12, 7)
#define PMCCNTR_EL0    ISS(3, 3, 9, 13, 0)
#define PMXEVTYPER_EL0 ISS(3, 3, 9, 13, 1)
#define PMXEVCNTR_EL0  ISS(3, 3, 9, 13, 2)
#define PMUSERENR_EL0  ISS(3, 3, 9, 14, 0)
#define PMOVSSET_EL0   ISS(3, 3, 9, 14, 3)
#define PMINTENSET_EL1 ISS(3, 0, 9, 14, 1)
#define PMINTENCLR_EL1 ISS(3, 0, 9, 14, 2)
#define PMCCFILTR_EL0  ISS(3, 3, 14, 15, 7)
/* PMEVCNTR<n>_EL0: CRn 14, CRm 8-11; PMEVTYPER<n>_EL0: CRm 12-15. */
#define PMEV_BLOCK     ISS(3, 3, 14, 0, 0)

#define ACCESS(reg) \
	do { \
		if (is_read) \
			*value = read_sysreg(reg); \
		else \
			write_sysreg(reg, *value); \
	} while (0)

static uint64_t allowed_filter(uint64_t value)
{
	return value & ~EVTYPER_NSH;
}

static void select_counter(unsigned index)
{
	write_sysreg(pmselr_el0, index);
	isb();
}

/* PMXEVTYPER_EL0 / PMXEVCNTR_EL0 for the counter `index` (31: the cycle
 * counter's filter); counters the CPU does not have read as zero. */
static void access_indexed(unsigned index, bool type, bool is_read, uint64_t *value)
{
	uint64_t saved = read_sysreg(pmselr_el0);

	if (index != PMSELR_CYCLE_FILTER && index >= PMCR_N(read_sysreg(pmcr_el0))) {
		if (is_read)
			*value = 0;
		return;
	}
	select_counter(index);
	if (type) {
		if (!is_read)
			*value = allowed_filter(*value);
		ACCESS(pmxevtyper_el0);
	} else {
		ACCESS(pmxevcntr_el0);
	}
	select_counter((unsigned)saved);
}

/* The zone's counters are all below MDCR_EL2.HPMN, which vcpu.c sets to
 * PMCR_EL0.N. */
static void write_sw_increment(uint64_t value, bool from_el0)
{
	uint64_t pmuver = ID_AA64DFR0_PMUVER(read_sysreg(id_aa64dfr0_el1));
	uint64_t saved = read_sysreg(pmselr_el0);
	struct pmu_counters c = {
		.pmcr = read_sysreg(pmcr_el0),
		.enabled = read_sysreg(pmcntenset_el0),
		.at_el0 = from_el0,
		.has_el3 = ID_AA64PFR0_EL3(read_sysreg(id_aa64pfr0_el1)) != 0,
		.pmuv3p1 = pmuver >= PMUVER_V3P1 && pmuver != PMUVER_IMPDEF,
		.pmuv3p5 = pmuver >= PMUVER_V3P5 && pmuver != PMUVER_IMPDEF,
	};

	c.num = (unsigned)PMCR_N(c.pmcr);
	for (unsigned n = 0; n < c.num; n++) {
		select_counter(n);
		c.type[n] = read_sysreg(pmxevtyper_el0);
		c.count[n] = read_sysreg(pmxevcntr_el0);
	}
	struct pmu_sw_increment result = pmu_sw_increment(&c, value);
	for (unsigned n = 0; n < c.num; n++) {
		if (result.changed >> n & 1) {
			select_counter(n);
			write_sysreg(pmxevcntr_el0, c.count[n]);
		}
	}
	write_sysreg(pmovsset_el0, result.overflowed);
	select_counter((unsigned)saved);
}

static bool access_direct(uint32_t iss, bool is_read, uint64_t *value, bool from_el0)
{
	switch (iss) {
	case PMCR_EL0: ACCESS(pmcr_el0); break;
	case PMCNTENSET_EL0: ACCESS(pmcntenset_el0); break;
	case PMCNTENCLR_EL0: ACCESS(pmcntenclr_el0); break;
	case PMOVSCLR_EL0: ACCESS(pmovsclr_el0); break;
	case PMSELR_EL0: ACCESS(pmselr_el0); break;
	case PMCCNTR_EL0: ACCESS(pmccntr_el0); break;
	case PMUSERENR_EL0: ACCESS(pmuserenr_el0); break;
	case PMOVSSET_EL0: ACCESS(pmovsset_el0); break;
	case PMINTENSET_EL1: ACCESS(pmintenset_el1); break;
	case PMINTENCLR_EL1: ACCESS(pmintenclr_el1); break;
	case PMSWINC_EL0:
		if (!is_read)
			write_sw_increment(*value, from_el0);
		break;
	case PMCEID0_EL0:
		if (is_read)
			*value = read_sysreg(pmceid0_el0);
		break;
	case PMCEID1_EL0:
		if (is_read)
			*value = read_sysreg(pmceid1_el0);
		break;
	default:
		return false;
	}
	return true;
}

bool pmu_trap_access(uint32_t iss, bool is_read, uint64_t *value, bool from_el0)
{
	if (access_direct(iss, is_read, value, from_el0))
		return true;
	if (iss == PMXEVTYPER_EL0 || iss == PMXEVCNTR_EL0) {
		access_indexed((unsigned)read_sysreg(pmselr_el0) & 0x1f, iss == PMXEVTYPER_EL0,
			       is_read, value);
		return true;
	}
	if (iss == PMCCFILTR_EL0) {
		access_indexed(PMSELR_CYCLE_FILTER, true, is_read, value);
		return true;
	}
	if (ISS_WITHOUT_CRM_OP2(iss) == PMEV_BLOCK && ISS_CRM(iss) >= 8) {
		unsigned index = (ISS_CRM(iss) & 3) * 8 + ISS_OP2(iss);
		if (index == PMSELR_CYCLE_FILTER)
			return false;
		access_indexed(index, ISS_CRM(iss) >= 12, is_read, value);
		return true;
	}
	return false;
}
