#include "guest_memory.h"

#include <stdbool.h>
#include <tessera/hypercall.h>

#include "cstring.h"
#include "platform.h"
#include "util.h"
#include "zone.h"

/* The hypervisor maps all of RAM at its physical address, so a translated
 * address is directly usable. */
static void *host_pointer(struct zone *zone, uint64_t ipa, size_t len)
{
	uint64_t pa;
	enum mem_kind kind;

	if (!stage2_translate(&zone->stage2, ipa, &pa, &kind) || kind != MEM_KIND_NORMAL ||
	    !range_contains(platform.ram.start, platform.ram.size, pa, len))
		return NULL;
	return (void *)(uintptr_t)pa;
}

/* The whole range is checked before the first byte moves, so a copy that
 * fails leaves the guest's memory as it was. The zone's tables may change
 * on another CPU (zone0 lends RAM): they are walked under its lock. */
static bool range_is_ram(struct zone *zone, uint64_t ipa, uint64_t len)
{
	if (ipa + len < ipa)
		return false;
	while (len) {
		uint64_t chunk = MIN(len, PAGE_SIZE - (ipa & (PAGE_SIZE - 1)));
		if (!host_pointer(zone, ipa, chunk))
			return false;
		ipa += chunk;
		len -= chunk;
	}
	return true;
}

bool guest_is_ram_range(struct zone *zone, uint64_t ipa, uint64_t len)
{
	bool ok;

	spin_lock(&zone->stage2_lock);
	ok = range_is_ram(zone, ipa, len);
	spin_unlock(&zone->stage2_lock);
	return ok;
}

void *guest_ram_page(struct zone *zone, uint64_t ipa)
{
	void *host;

	if (!IS_ALIGNED(ipa, PAGE_SIZE))
		return NULL;
	spin_lock(&zone->stage2_lock);
	host = host_pointer(zone, ipa, PAGE_SIZE);
	spin_unlock(&zone->stage2_lock);
	return host;
}

static int guest_copy(struct zone *zone, uint64_t ipa, void *buf, size_t len, bool to_guest)
{
	unsigned char *cursor = buf;
	int err = 0;

	spin_lock(&zone->stage2_lock);
	if (!range_is_ram(zone, ipa, len))
		err = -HV_EFAULT;
	while (!err && len) {
		size_t chunk = MIN(len, PAGE_SIZE - (ipa & (PAGE_SIZE - 1)));
		void *host = host_pointer(zone, ipa, chunk);
		if (to_guest)
			memcpy(host, cursor, chunk);
		else
			memcpy(cursor, host, chunk);
		cursor += chunk;
		ipa += chunk;
		len -= chunk;
	}
	spin_unlock(&zone->stage2_lock);
	return err;
}

int guest_write(struct zone *zone, uint64_t ipa, const void *src, size_t len)
{
	return guest_copy(zone, ipa, (void *)src, len, true);
}

int guest_read(struct zone *zone, uint64_t ipa, void *dst, size_t len)
{
	return guest_copy(zone, ipa, dst, len, false);
}
