/* Synchronous exits from a zone to EL2, dispatched by exception class. */
#include <tessera/hypercall.h>

#include <asm/dabt.h>
#include <asm/esr.h>
#include <asm/inject.h>
#include <asm/smccc.h>
#include <asm/sysreg.h>
#include <asm/trap_frame.h>
#include <asm/vgic.h>

#include "arch.h"
#include "exit_stats.h"
#include "hypercall.h"
#include "log.h"
#include "mmio.h"
#include "vcpu.h"
#include "zone.h"
#include "zone_stop.h"

#define HVC_IMM_SMCCC 0

typedef void (*exit_handler_fn)(struct vcpu *vcpu, struct trap_frame *frame, uint64_t esr);

bool sysreg_handle(struct vcpu *vcpu, struct trap_frame *frame, uint64_t esr);

static void skip_instruction(struct trap_frame *f, uint64_t esr)
{
	f->elr += (esr & ESR_IL) ? 4 : 2;
}

static void handle_hvc(struct vcpu *vcpu, struct trap_frame *f, uint64_t esr)
{
	switch (ESR_IMM16(esr)) {
	case TESSERA_HVC_IMM: {
		int64_t ret = hypercall_dispatch(vcpu, f->x[0], f->x[1], f->x[2]);
		/* HVC's preferred return is the next instruction. */
		if (ret == HYPERCALL_RESTART)
			f->elr -= 4;
		else
			f->x[0] = (uint64_t)ret;
		break;
	}
	case HVC_IMM_SMCCC:
		smccc_handle(vcpu, f);
		break;
	default:
		f->x[0] = (uint64_t)SMCCC_NOT_SUPPORTED;
		break;
	}
}

/* Trapped SMCs return to the SMC itself, unlike HVC. */
static void handle_smc(struct vcpu *vcpu, struct trap_frame *f, uint64_t esr)
{
	skip_instruction(f, esr);
	smccc_handle(vcpu, f);
}

static uint64_t fault_ipa(void)
{
	return (read_sysreg(hpfar_el2) & 0xffffffffff0ULL) << 8 | (read_sysreg(far_el2) & 0xfff);
}

static void handle_data_abort(struct vcpu *vcpu, struct trap_frame *f, uint64_t esr)
{
	struct dabt_syndrome s;
	struct mmio_access access = { .addr = fault_ipa() };

	if (!dabt_decode(esr, &s)) {
		access.is_write = esr & DABT_WNR;
		mmio_report_unhandled(vcpu, &access, f->elr);
		inject_data_abort(f, read_sysreg(far_el2), access.is_write);
		return;
	}
	access.size = s.size;
	access.is_write = s.is_write;
	access.value = s.is_write ? frame_reg(f, s.reg) : 0;
	if (!mmio_handle(vcpu, &access, f->elr)) {
		inject_data_abort(f, read_sysreg(far_el2), s.is_write);
		return;
	}
	if (!s.is_write)
		frame_set_reg(f, s.reg, dabt_load_value(&s, access.value));
	skip_instruction(f, esr);
}

static void handle_instruction_abort(struct vcpu *vcpu, struct trap_frame *f, uint64_t esr)
{
	(void)esr;
	log_guest_warn(vcpu->zone,
		       "zone %u vcpu %u: instruction fetch from unmapped 0x%lx: external abort",
		       vcpu->zone->id, vcpu->index, (unsigned long)fault_ipa());
	inject_instruction_abort(f, read_sysreg(far_el2));
}

static void handle_sysreg(struct vcpu *vcpu, struct trap_frame *f, uint64_t esr)
{
	if (sysreg_handle(vcpu, f, esr))
		skip_instruction(f, esr);
	else
		inject_undefined(f);
}

static const exit_handler_fn exit_handlers[EC_COUNT] = {
	[EC_HVC64] = handle_hvc,
	[EC_SMC64] = handle_smc,
	[EC_SYS64] = handle_sysreg,
	[EC_DABT_LOW] = handle_data_abort,
	[EC_IABT_LOW] = handle_instruction_abort,
};

static enum exit_kind exit_kind_of(uint64_t esr)
{
	switch (ESR_EC(esr)) {
	case EC_HVC64:
	case EC_SMC64:
		return EXIT_HYPERCALL;
	case EC_DABT_LOW:
		return EXIT_MMIO;
	case EC_SYS64:
		return EXIT_SYSREG;
	default:
		return EXIT_OTHER_SYNC;
	}
}

static void handle_unknown_exit(struct vcpu *vcpu, struct trap_frame *f, uint64_t esr)
{
	log_guest_warn(vcpu->zone,
		       "zone %u vcpu %u: unexpected exit, ESR 0x%lx at pc 0x%lx: undefined "
		       "instruction to the guest",
		       vcpu->zone->id, vcpu->index, (unsigned long)esr, (unsigned long)f->elr);
	inject_undefined(f);
}

void handle_guest_sync(struct trap_frame *f, unsigned kind)
{
	uint64_t start_ns = IS_ENABLED_STATS ? arch_time_ns() : 0;
	uint64_t esr = read_sysreg(esr_el2);
	exit_handler_fn handler = exit_handlers[ESR_EC(esr)];
	struct vcpu *vcpu = &this_cpu()->vcpu;

	(void)kind;
	(handler ? handler : handle_unknown_exit)(vcpu, f, esr);
	vcpu_exit_done(vcpu);
	vgic_sync(vcpu);
	exit_stats_count(exit_kind_of(esr), start_ns);
}
