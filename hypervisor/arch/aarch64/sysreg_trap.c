/* Trapped MSR/MRS accesses (exception class 0x18). What is not emulated
 * becomes an undefined instruction for the guest, logged once per register. */
#include <asm/esr.h>
#include <asm/trap_frame.h>
#include <asm/vgic.h>

#include "log.h"
#include "vcpu.h"
#include "zone.h"

#define SYSREG_ENCODING(esr) ((uint32_t)((esr) & 0x3ffc1e))   /* op0 op2 op1 CRn CRm */
#define SYSREG_IS_READ(esr)  ((esr) & 1)
#define SYSREG_RT(esr)       (((esr) >> 5) & 31)

#define MAX_REPORTED 32

/* op0=3 op1=0 CRn=12 CRm=11 op2=5, in the ISS layout */
#define ICC_SGI1R_EL1_ENCODING (3u << 20 | 5u << 17 | 0u << 14 | 12u << 10 | 11u << 1)

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

bool sysreg_handle(struct vcpu *vcpu, struct trap_frame *f, uint64_t esr)
{
	uint32_t iss = (uint32_t)ESR_ISS(esr);

	if (SYSREG_ENCODING(iss) == ICC_SGI1R_EL1_ENCODING && !SYSREG_IS_READ(iss)) {
		vgic_send_sgis(vcpu, frame_reg(f, SYSREG_RT(iss)));
		return true;
	}
	if (first_report(SYSREG_ENCODING(iss)))
		log_warn("zone %u vcpu %u: %s of system register op0=%u op1=%u CRn=%u CRm=%u op2=%u "
			 "at pc 0x%lx is not emulated: undefined instruction (logged once)",
			 vcpu->zone->id, vcpu->index, SYSREG_IS_READ(iss) ? "read" : "write",
			 (iss >> 20) & 3, (iss >> 14) & 7, (iss >> 10) & 15, (iss >> 1) & 15,
			 (iss >> 17) & 7, (unsigned long)f->elr);
	return false;
}
