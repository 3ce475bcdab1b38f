/* Trapped MSR/MRS accesses (exception class 0x18). The emulated registers
 * follow the decisions of vcpu.c's table; anything else becomes an undefined
 * instruction for the guest, logged once per register and rate-limited. */
#include <asm/el1_exception.h>
#include <asm/esr.h>
#include <asm/pmu_trap.h>
#include <asm/sysreg.h>
#include <asm/trap_frame.h>
#include <asm/vgic.h>

#include "log.h"
#include "vcpu.h"
#include "zone.h"

#define SYSREG_ENCODING(esr) ((uint32_t)((esr) & 0x3ffc1e))   /* op0 op2 op1 CRn CRm */
#define SYSREG_IS_READ(esr)  ((esr) & 1)
#define SYSREG_RT(esr)       (((esr) >> 5) & 31)

/* A register's encoding in the ISS layout of exception class 0x18. */
#define SYSREG_ISS(op0, op1, crn, crm, op2) \
	((uint32_t)(op0) << 20 | (uint32_t)(op2) << 17 | (uint32_t)(op1) << 14 | \
	 (uint32_t)(crn) << 10 | (uint32_t)(crm) << 1)

#define ICC_SGI1R_EL1_ISS SYSREG_ISS(3, 0, 12, 11, 5)
#define ACTLR_EL1_ISS     SYSREG_ISS(3, 0, 1, 0, 1)
#define MDRAR_EL1_ISS     SYSREG_ISS(2, 0, 1, 0, 0)
#define OSLAR_EL1_ISS     SYSREG_ISS(2, 0, 1, 0, 4)
#define OSLSR_EL1_ISS     SYSREG_ISS(2, 0, 1, 1, 4)
#define OSDLR_EL1_ISS     SYSREG_ISS(2, 0, 1, 3, 4)
#define DBGPRCR_EL1_ISS   SYSREG_ISS(2, 0, 1, 4, 4)

#define MAX_REPORTED 32

static bool first_report(uint32_t encoding)
{
	static uint32_t reported[MAX_REPORTED];
	static unsigned num_reported;
	static spinlock_t lock = SPINLOCK_INIT;
	bool first = true;

	spin_lock(&lock);
	for (unsigned i = 0; i < num_reported; i++)
		if (reported[i] == encoding)
			first = false;
	if (first && num_reported < MAX_REPORTED)
		reported[num_reported++] = encoding;
	else
		first = false;
	spin_unlock(&lock);
	return first;
}

/* Registers that read as zero and ignore writes (RAZ/WI): what they control
 * is the hypervisor's (auxiliary control, core power-down, the OS Double
 * Lock), or there is nothing behind them for a zone (the debug ROM). */
static bool is_raz_wi(uint32_t encoding, bool is_read)
{
	switch (encoding) {
	case ACTLR_EL1_ISS:
	case OSDLR_EL1_ISS:
	case DBGPRCR_EL1_ISS:
		return true;
	case MDRAR_EL1_ISS:
		return is_read;
	default:
		return false;
	}
}

bool sysreg_handle(struct vcpu *vcpu, struct trap_frame *f, uint64_t esr)
{
	uint32_t iss = (uint32_t)ESR_ISS(esr);
	uint32_t encoding = SYSREG_ENCODING(iss);
	unsigned rt = SYSREG_RT(iss);

	if (encoding == ICC_SGI1R_EL1_ISS && !SYSREG_IS_READ(iss)) {
		vgic_send_sgis(vcpu, frame_reg(f, rt));
		return true;
	}
	if (is_raz_wi(encoding, SYSREG_IS_READ(iss))) {
		if (SYSREG_IS_READ(iss))
			frame_set_reg(f, rt, 0);
		return true;
	}
	/* The OS Lock is the zone's own CPU's: it only gates that CPU's debug
	 * exceptions, which never reach EL2 (MDCR_EL2.TDE is clear). */
	if (encoding == OSLAR_EL1_ISS && !SYSREG_IS_READ(iss)) {
		write_sysreg(oslar_el1, frame_reg(f, rt) & 1);
		isb();
		return true;
	}
	if (encoding == OSLSR_EL1_ISS && SYSREG_IS_READ(iss)) {
		frame_set_reg(f, rt, read_sysreg(oslsr_el1));
		return true;
	}
	uint64_t value = frame_reg(f, rt);
	if (pmu_trap_access(encoding, SYSREG_IS_READ(iss), &value,
			    interrupted_at_el0(f->spsr))) {
		if (SYSREG_IS_READ(iss))
			frame_set_reg(f, rt, value);
		return true;
	}
	if (first_report(encoding))
		log_guest_warn(vcpu->zone,
			       "zone %u vcpu %u: %s of system register op0=%u op1=%u CRn=%u "
			       "CRm=%u op2=%u at pc 0x%lx is not emulated: undefined instruction "
			       "(logged once)",
			       vcpu->zone->id, vcpu->index, SYSREG_IS_READ(iss) ? "read" : "write",
			       (iss >> 20) & 3, (iss >> 14) & 7, (iss >> 10) & 15, (iss >> 1) & 15,
			       (iss >> 17) & 7, (unsigned long)f->elr);
	return false;
}
