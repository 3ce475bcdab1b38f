/* A trap taken in HS mode itself: a hypervisor bug. Report everything a
 * developer needs, then stop this hart; the others go on. The one trap
 * expected, a guest instruction read that faulted (guest_insn.S), resumes
 * at its fixup instead. */
#include <asm/csr.h>
#include <asm/guest_insn.h>
#include <asm/mmu.h>
#include <asm/trap_frame.h>

#include "arch.h"
#include "log.h"

void handle_hyp_trap(struct trap_frame *f);

static const char *const register_names[32] = {
	"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2",
	"a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9",
	"s10", "s11", "t3", "t4", "t5", "t6",
};

static bool resume_fixup(struct trap_frame *f, uint64_t scause)
{
	if ((scause & SCAUSE_INTERRUPT) || f->sepc != (uintptr_t)guest_insn_read16_access)
		return false;
	f->sepc = (uintptr_t)guest_insn_read16_fixup;
	return true;
}

/* Returns only when the trap is resumed (trap_entry.S). */
void handle_hyp_trap(struct trap_frame *f)
{
	uint64_t scause = csr_read(CSR_SCAUSE);
	uint64_t stval = csr_read(CSR_STVAL);
	unsigned guard_cpu;

	if (resume_fixup(f, scause))
		return;

	log_error("hypervisor fault: %s %lu", scause & SCAUSE_INTERRUPT ? "interrupt" : "exception",
		  (unsigned long)(scause & ~SCAUSE_INTERRUPT));
	if (!(scause & SCAUSE_INTERRUPT) && mmu_stack_guard_cpu(stval, &guard_cpu))
		log_error("stack overflow: stval 0x%lx is in the guard page below CPU %u's stack",
			  (unsigned long)stval, guard_cpu);
	log_raw("  scause 0x%016lx  stval 0x%016lx  sepc 0x%016lx", (unsigned long)scause,
		(unsigned long)stval, (unsigned long)f->sepc);
	log_raw("  sstatus 0x%016lx  hstatus 0x%016lx  htval 0x%016lx",
		(unsigned long)f->sstatus, (unsigned long)f->hstatus,
		(unsigned long)csr_read(CSR_HTVAL));
	for (unsigned i = 1; i < 31; i += 3)
		log_raw("  %-4s 0x%016lx  %-4s 0x%016lx  %-4s 0x%016lx", register_names[i],
			(unsigned long)f->x[i], register_names[i + 1], (unsigned long)f->x[i + 1],
			register_names[i + 2], (unsigned long)f->x[i + 2]);
	log_raw("  %-4s 0x%016lx", register_names[31], (unsigned long)f->x[31]);
	log_error("CPU %u stopped", arch_cpu_id());
	arch_cpu_halt();
}
