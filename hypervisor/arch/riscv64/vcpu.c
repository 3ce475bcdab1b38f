/* Entering a vCPU: the zone's G-stage translation, VS state at its reset
 * values, then sret to the entry point in VS mode with a0 = hart id and
 * a1 = the boot argument (the zone's DTB for its boot hart, HSM
 * hart_start's opaque for the others), satp off, as the SBI specification
 * starts a supervisor. */
#include <asm/csr.h>
#include <asm/trap_frame.h>
#include <asm/vcpu_reset.h>
#include <asm/vcpu_sync.h>
#include <asm/vplic.h>

#include "arch.h"
#include "cstring.h"
#include "log.h"
#include "vcpu.h"
#include "zone.h"

#define REG_A0 10
#define REG_A1 11

/* The VMID's entries may be those of the zone that had this zone slot
 * before, on this hart: both stages are flushed. FENCE.I: the zone's
 * images may have been written (boot_images.c) since this hart last
 * fetched from them. */
static void load_zone_translation(const struct zone *zone)
{
	uint64_t vmid = zone->stage2.vmid;

	csr_write(CSR_HGATP, HGATP_MODE_SV39X4 | vmid << HGATP_VMID_SHIFT |
			     (uintptr_t)zone->stage2.root >> 12);
	__asm__ volatile("hfence.gvma zero, %0" : : "r"(vmid) : "memory");
	__asm__ volatile("hfence.vvma zero, zero" : : : "memory");
	__asm__ volatile("fence.i" : : : "memory");
}

void vcpu_sync(struct vcpu *vcpu)
{
	if (__atomic_exchange_n(&this_hart()->vssip_pending, 0, __ATOMIC_ACQUIRE))
		csr_set(CSR_HVIP, 1UL << IRQ_VS_SOFT);
	if (vplic_vcpu_pending(vcpu))
		csr_set(CSR_HVIP, 1UL << IRQ_VS_EXT);
	else
		csr_clear(CSR_HVIP, 1UL << IRQ_VS_EXT);
}

void arch_vcpu_run(struct vcpu *vcpu)
{
	static struct trap_frame initial[MAX_CPUS];
	struct trap_frame *f = &initial[vcpu->cpu];

	load_zone_translation(vcpu->zone);
	vcpu_reset_vs_state();
	__atomic_store_n(&this_hart()->vssip_pending, 0, __ATOMIC_RELAXED);
	vcpu_sync(vcpu);
	memset(f, 0, sizeof(*f));
	f->x[REG_A0] = vcpu_hw_id(vcpu);
	f->x[REG_A1] = vcpu->boot_arg;
	f->sepc = vcpu->entry;
	f->sstatus = (csr_read(CSR_SSTATUS) & ~(SSTATUS_SIE | SSTATUS_SPIE)) | SSTATUS_SPP;
	f->hstatus = HSTATUS_VSXL_64 | HSTATUS_SPV | HSTATUS_SPVP;
	log_guest_info(vcpu->zone, "zone %u vcpu %u starts at 0x%lx (hart %lu, a1 0x%lx)",
		       vcpu->zone->id, vcpu->index, (unsigned long)vcpu->entry,
		       (unsigned long)vcpu_hw_id(vcpu), (unsigned long)vcpu->boot_arg);
	enter_guest(f);
}

void arch_vcpu_stop(struct vcpu *vcpu)
{
	(void)vcpu;
	vcpu_silence();
}

int arch_zone_init(struct zone *zone)
{
	return vplic_zone_init(zone);
}

void arch_zone_reset(struct zone *zone)
{
	vplic_zone_reset(zone);
}

void arch_interrupt_raise(uint32_t intid)
{
	vplic_raise(intid);
}
