/* Guest page faults on loads and stores: the guest touched guest-physical
 * memory its G-stage table does not map. An emulated device's window
 * (vPLIC, a debug console, virtio) takes the access; anything else is an
 * access fault for the guest. */
#include <asm/csr.h>
#include <asm/exits.h>
#include <asm/guest_insn.h>
#include <asm/inject.h>
#include <asm/insn_decode.h>

#include "mmio.h"
#include "vcpu.h"

static void refuse(struct trap_frame *f, const struct mmio_access *access, uint64_t tval)
{
	inject_exception(f, access->is_write ? EXC_STORE_ACCESS : EXC_LOAD_ACCESS, tval);
}

/* The trap CSRs are read first: reading the instruction may itself trap
 * (guest_insn.S), which overwrites them. */
static void emulate(struct vcpu *vcpu, struct trap_frame *f, bool is_store)
{
	uint64_t tval = csr_read(CSR_STVAL);
	uint64_t htinst = csr_read(CSR_HTINST);
	struct mmio_access access = {
		.addr = csr_read(CSR_HTVAL) << 2 | (tval & 3),
		.is_write = is_store,
	};
	struct mmio_insn insn;
	uint32_t raw;

	if (!guest_trapped_insn(f, htinst, &raw) || !mmio_insn_decode(raw, &insn) ||
	    insn.is_store != is_store) {
		mmio_report_unhandled(vcpu, &access, f->sepc);
		refuse(f, &access, tval);
		return;
	}
	access.size = insn.size;
	access.value = is_store ? frame_reg(f, insn.reg) : 0;
	if (!mmio_handle(vcpu, &access, f->sepc)) {
		refuse(f, &access, tval);
		return;
	}
	if (!is_store)
		frame_set_reg(f, insn.reg, mmio_insn_load_value(&insn, access.value));
	f->sepc += insn.len;
}

void handle_guest_load_fault(struct vcpu *vcpu, struct trap_frame *f)
{
	emulate(vcpu, f, false);
}

void handle_guest_store_fault(struct vcpu *vcpu, struct trap_frame *f)
{
	emulate(vcpu, f, true);
}
