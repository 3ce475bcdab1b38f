/* A guest's traps into HS mode: interrupts, and exceptions dispatched by
 * their code in scause. Exceptions the guest handles itself never come
 * here (hart_controls.c delegates them). */
#include <asm/csr.h>
#include <asm/exits.h>
#include <asm/inject.h>
#include <asm/trap_frame.h>
#include <asm/vcpu_sync.h>

#include "arch.h"
#include "exit_stats.h"
#include "log.h"
#include "vcpu.h"
#include "zone.h"
#include "zone_stop.h"

typedef void (*exit_handler_fn)(struct vcpu *vcpu, struct trap_frame *f);

/* hcounteren withholds, or H-extension instructions and CSRs, which the
 * guest does not have: stval holds the instruction. */
static void handle_virtual_insn(struct vcpu *vcpu, struct trap_frame *f)
{
	uint64_t insn = csr_read(CSR_STVAL);

	log_guest_warn(vcpu->zone,
		       "zone %u vcpu %u: instruction 0x%08lx at pc 0x%lx is not available to "
		       "guests: illegal instruction",
		       vcpu->zone->id, vcpu->index, (unsigned long)insn, (unsigned long)f->sepc);
	inject_exception(f, EXC_ILLEGAL_INSN, insn);
}

static void handle_guest_fetch_fault(struct vcpu *vcpu, struct trap_frame *f)
{
	uint64_t gpa = csr_read(CSR_HTVAL) << 2 | (csr_read(CSR_STVAL) & 3);

	log_guest_warn(vcpu->zone,
		       "zone %u vcpu %u: instruction fetch from unmapped 0x%lx: access fault",
		       vcpu->zone->id, vcpu->index, (unsigned long)gpa);
	inject_exception(f, EXC_INSN_ACCESS, csr_read(CSR_STVAL));
}

/* Access faults (PMP: memory the firmware keeps) and anything not
 * expected: passed on as the guest would have taken it without the
 * hypervisor. */
static void handle_other_exception(struct vcpu *vcpu, struct trap_frame *f)
{
	uint64_t cause = csr_read(CSR_SCAUSE);
	uint64_t tval = csr_read(CSR_STVAL);

	log_guest_warn(vcpu->zone,
		       "zone %u vcpu %u: exception %lu (stval 0x%lx) at pc 0x%lx: passed to the "
		       "guest",
		       vcpu->zone->id, vcpu->index, (unsigned long)cause, (unsigned long)tval,
		       (unsigned long)f->sepc);
	inject_exception(f, cause, tval);
}

static const exit_handler_fn exit_handlers[EXC_COUNT] = {
	[EXC_ECALL_VS] = handle_guest_ecall,
	[EXC_LOAD_GUEST_PAGE_FAULT] = handle_guest_load_fault,
	[EXC_STORE_GUEST_PAGE_FAULT] = handle_guest_store_fault,
	[EXC_INSN_GUEST_PAGE_FAULT] = handle_guest_fetch_fault,
	[EXC_VIRTUAL_INSN] = handle_virtual_insn,
};

static enum exit_kind exception_exit_kind(uint64_t code)
{
	switch (code) {
	case EXC_ECALL_VS:
		return EXIT_HYPERCALL;
	case EXC_LOAD_GUEST_PAGE_FAULT:
	case EXC_STORE_GUEST_PAGE_FAULT:
		return EXIT_MMIO;
	case EXC_VIRTUAL_INSN:
		return EXIT_SYSREG;
	default:
		return EXIT_OTHER_SYNC;
	}
}

void handle_guest_trap(struct trap_frame *f);

void handle_guest_trap(struct trap_frame *f)
{
	uint64_t start_ns = IS_ENABLED_STATS ? arch_time_ns() : 0;
	uint64_t scause = csr_read(CSR_SCAUSE);
	struct vcpu *vcpu = &this_cpu()->vcpu;
	enum exit_kind kind;

	if (scause & SCAUSE_INTERRUPT) {
		kind = (enum exit_kind)handle_guest_interrupt(vcpu, scause & ~SCAUSE_INTERRUPT);
	} else {
		exit_handler_fn handler = scause < EXC_COUNT ? exit_handlers[scause] : NULL;
		(handler ? handler : handle_other_exception)(vcpu, f);
		kind = exception_exit_kind(scause);
	}
	vcpu_exit_done(vcpu);
	vcpu_sync(vcpu);
	exit_stats_count(kind, start_ns);
}
