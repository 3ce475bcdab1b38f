/* ecall from VS mode: the SBI of the zone's harts, by extension ID (a7).
 * The result goes to a0 (error) and a1 (value), then the guest resumes
 * after its ecall. */
#include <asm/exits.h>
#include <asm/sbi_guest.h>

#include "util.h"

#define ECALL_SIZE 4

struct sbi_extension {
	uint64_t eid;
	sbi_handler_fn handle;
};

static const struct sbi_extension extensions[] = {
	{ SBI_EXT_BASE, sbi_base_handle },
	{ SBI_EXT_TIME, sbi_time_handle },
	{ SBI_EXT_IPI, sbi_ipi_handle },
	{ SBI_EXT_RFENCE, sbi_rfence_handle },
	{ SBI_EXT_HSM, sbi_hsm_handle },
	{ SBI_EXT_SRST, sbi_srst_handle },
	{ SBI_EXT_HVISOR, sbi_hvisor_handle },
};

static const struct sbi_extension *find_extension(uint64_t eid)
{
	for (unsigned i = 0; i < ARRAY_SIZE(extensions); i++)
		if (extensions[i].eid == eid)
			return &extensions[i];
	return NULL;
}

bool sbi_extension_available(uint64_t eid)
{
	if (eid <= SBI_LEGACY_LAST)
		return sbi_legacy_implemented(eid);
	if (eid == SBI_EXT_TIME)
		return sbi_timer_available();
	return find_extension(eid) != NULL;
}

void handle_guest_ecall(struct vcpu *vcpu, struct trap_frame *f)
{
	uint64_t eid = f->x[REG_A7];
	const struct sbi_extension *ext;
	struct sbiret ret = { SBI_ERR_NOT_SUPPORTED, 0 };

	if (eid <= SBI_LEGACY_LAST) {
		f->x[REG_A0] = (uint64_t)sbi_legacy_handle(vcpu, eid, f);
		f->sepc += ECALL_SIZE;
		return;
	}
	ext = find_extension(eid);
	if (ext)
		ret = ext->handle(vcpu, f->x[REG_A6], f);
	if (ret.error == SBI_RESTART_CALL)
		return;
	f->x[REG_A0] = (uint64_t)ret.error;
	f->x[REG_A0 + 1] = ret.value;
	f->sepc += ECALL_SIZE;
}
