/* Hypercall dispatch: a table indexed by code, so each call is one entry.
 * Pointer arguments are guest-physical addresses that must lie, for their
 * whole length, in the caller's RAM; what they point to is copied once and
 * only the copy is used. */
#include "hypercall.h"

#include <stdbool.h>
#include <tessera/hypercall.h>

#include "guest_memory.h"
#include "log.h"
#include "util.h"
#include "vcpu.h"
#include "virtio_bridge.h"
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

static int64_t zone_start(struct vcpu *vcpu, uint64_t config_ipa, uint64_t size)
{
	static struct zone_config config;
	static spinlock_t config_lock = SPINLOCK_INIT;
	int64_t ret;

	if (size != sizeof(config)) {
		log_error("zone start refused: config size %lu, expected %zu (config magic %u)",
			  (unsigned long)size, sizeof(config), TESSERA_CONFIG_MAGIC);
		return -HV_EINVAL;
	}
	spin_lock(&config_lock);
	ret = guest_read(vcpu->zone, config_ipa, &config, sizeof(config));
	if (ret)
		log_error("zone start refused: config at 0x%lx is not in zone0's RAM",
			  (unsigned long)config_ipa);
	else
		ret = zone_create(&config, false);
	spin_unlock(&config_lock);
	return ret;
}

static int64_t zone_shutdown_call(struct vcpu *vcpu, uint64_t id, uint64_t token)
{
	if (id > UINT32_MAX)
		return -HV_EINVAL;
	return zone_shutdown(vcpu, (uint32_t)id, token);
}

static int64_t zone_list_call(struct vcpu *vcpu, uint64_t list_ipa, uint64_t capacity)
{
	struct zone_info entries[MAX_ZONES];
	unsigned n;

	if (capacity > UINT64_MAX / sizeof(entries[0]) ||
	    !guest_is_ram_range(vcpu->zone, list_ipa, capacity * sizeof(entries[0])))
		return -HV_EFAULT;
	n = zone_list(entries, (unsigned)MIN(capacity, (uint64_t)MAX_ZONES));
	if (guest_write(vcpu->zone, list_ipa, entries, n * sizeof(entries[0])))
		return -HV_EFAULT;
	return n;
}

static int64_t zone_config_get_call(struct vcpu *vcpu, uint64_t id, uint64_t config_ipa)
{
	static struct zone_config config;
	static spinlock_t config_lock = SPINLOCK_INIT;
	int64_t ret;

	if (id > UINT32_MAX)
		return -HV_EINVAL;
	if (vcpu->zone->id != ROOT_ZONE_ID && id != vcpu->zone->id)
		return -HV_EPERM;
	spin_lock(&config_lock);
	if (!zone_config_get((uint32_t)id, &config))
		ret = -HV_ENOENT;
	else
		ret = guest_write(vcpu->zone, config_ipa, &config, sizeof(config));
	spin_unlock(&config_lock);
	return ret;
}

static int64_t virtio_init_call(struct vcpu *vcpu, uint64_t page_ipa, uint64_t unused)
{
	(void)unused;
	return virtio_bridge_register(vcpu, page_ipa);
}

static int64_t virtio_exit_call(struct vcpu *vcpu, uint64_t page_ipa, uint64_t unused)
{
	(void)unused;
	return virtio_bridge_unregister(vcpu, page_ipa);
}

static int64_t virtio_inject_call(struct vcpu *vcpu, uint64_t unused0, uint64_t unused1)
{
	(void)vcpu;
	(void)unused0;
	(void)unused1;
	return virtio_bridge_complete();
}

static const struct hypercall hypercalls[] = {
	[HC_VIRTIO_INIT] = { virtio_init_call, true },
	[HC_VIRTIO_INJECT_IRQ] = { virtio_inject_call, true },
	[HC_ZONE_START] = { zone_start, true },
	[HC_ZONE_SHUTDOWN] = { zone_shutdown_call, true },
	[HC_ZONE_LIST] = { zone_list_call, false },
	[HC_CONFIG_CHECK] = { config_check, false },
	[HC_ZONE_CONFIG_GET] = { zone_config_get_call, false },
	[HC_VIRTIO_EXIT] = { virtio_exit_call, true },
};

int64_t hypercall_dispatch(struct vcpu *vcpu, uint64_t code, uint64_t arg0, uint64_t arg1)
{
	if (code >= ARRAY_SIZE(hypercalls) || !hypercalls[code].handle)
		return -HV_ENOSYS;
	if (hypercalls[code].zone0_only && vcpu->zone->id != ROOT_ZONE_ID)
		return -HV_EPERM;
	return hypercalls[code].handle(vcpu, arg0, arg1);
}
