/* Hypercall dispatch: a table indexed by code, so each later call is one entry. */
#include "hypercall.h"

#include <stdbool.h>
#include <tessera/hypercall.h>

#include "guest_memory.h"
#include "util.h"
#include "vcpu.h"
#include "zone.h"

typedef int64_t (*hypercall_fn)(struct vcpu *vcpu, uint64_t arg0, uint64_t arg1);

struct hypercall {
	hypercall_fn handle;
	bool zone0_only;
};

static int64_t config_check(struct vcpu *vcpu, uint64_t magic_ipa, uint64_t unused)
{
	uint64_t magic = TESSERA_CONFIG_MAGIC;

	(void)unused;
	return guest_write(vcpu->zone, magic_ipa, &magic, sizeof(magic));
}

static const struct hypercall hypercalls[] = {
	[HC_CONFIG_CHECK] = { config_check, false },
};

int64_t hypercall_dispatch(struct vcpu *vcpu, uint64_t code, uint64_t arg0, uint64_t arg1)
{
	if (code >= ARRAY_SIZE(hypercalls) || !hypercalls[code].handle)
		return -HV_ENOSYS;
	if (hypercalls[code].zone0_only && vcpu->zone->id != 0)
		return -HV_EPERM;
	return hypercalls[code].handle(vcpu, arg0, arg1);
}
