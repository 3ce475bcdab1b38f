/* An exception taken from the hypervisor itself: a hypervisor bug. Report
 * everything a developer needs, then stop this CPU; the others go on. The
 * one exception expected, a probe's read of a register the CPU lacks, is
 * resumed instead. */
#include <asm/esr.h>
#include <asm/mmu.h>
#include <asm/sysreg.h>
#include <asm/sysreg_probe.h>
#include <asm/trap_frame.h>

#include "arch.h"
#include "log.h"

static const char *const exception_classes[EC_COUNT] = {
	[EC_UNKNOWN] = "unknown reason",
	[EC_WFX] = "WFI/WFE",
	[EC_SIMD_FP] = "SIMD/FP access",
	[EC_ILLEGAL_STATE] = "illegal execution state",
	[EC_SVC64] = "SVC",
	[EC_HVC64] = "HVC",
	[EC_SMC64] = "SMC",
	[EC_SYS64] = "system register access",
	[EC_IABT_LOW] = "instruction abort from a lower EL",
	[EC_IABT_CUR] = "instruction abort",
	[EC_PC_ALIGN] = "PC alignment fault",
	[EC_DABT_LOW] = "data abort from a lower EL",
	[EC_DABT_CUR] = "data abort",
	[EC_SP_ALIGN] = "SP alignment fault",
	[EC_SERROR] = "SError",
	[EC_BRK64] = "BRK",
};

static const char *const kinds[] = { "synchronous", "IRQ", "FIQ", "SError" };

/* The probe returns false from the instruction after its read. */
static bool resume_probe(struct trap_frame *f, unsigned kind, uint64_t esr)
{
	if (kind != KIND_SYNC || ESR_EC(esr) != EC_UNKNOWN ||
	    f->elr < (uintptr_t)sysreg_probes_start || f->elr >= (uintptr_t)sysreg_probes_end)
		return false;
	f->x[0] = 0;
	f->elr += 4;
	return true;
}

/* Returns only when the exception is resumed (entry.S). */
void handle_hyp_exception(struct trap_frame *f, unsigned kind)
{
	uint64_t esr = read_sysreg(esr_el2);
	uint64_t far = read_sysreg(far_el2);
	const char *ec_name = exception_classes[ESR_EC(esr)];
	unsigned guard_cpu;

	if (resume_probe(f, kind, esr))
		return;

	log_error("hypervisor fault: %s exception, EC 0x%x (%s)", kinds[kind & 3],
		  (unsigned)ESR_EC(esr), ec_name ? ec_name : "unnamed");
	if (ESR_EC(esr) == EC_DABT_CUR && mmu_stack_guard_cpu(far, &guard_cpu))
		log_error("stack overflow: FAR 0x%lx is in the guard page below CPU %u's stack",
			  (unsigned long)far, guard_cpu);
	log_raw("  ESR 0x%016lx  FAR 0x%016lx  ELR 0x%016lx  SPSR 0x%016lx",
		(unsigned long)esr, (unsigned long)far, (unsigned long)f->elr,
		(unsigned long)f->spsr);
	for (unsigned i = 0; i < 30; i += 3)
		log_raw("  x%-2u 0x%016lx  x%-2u 0x%016lx  x%-2u 0x%016lx", i,
			(unsigned long)f->x[i], i + 1, (unsigned long)f->x[i + 1], i + 2,
			(unsigned long)f->x[i + 2]);
	log_raw("  x30 0x%016lx  SP  0x%016lx", (unsigned long)f->x[30],
		(unsigned long)f->sp);
	log_error("CPU %u stopped", arch_cpu_id());
	arch_cpu_halt();
}
