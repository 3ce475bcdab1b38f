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

static int guest_copy(struct zone *zone, uint64_t ipa, void *buf, size_t len, bool to_guest)
{
	unsigned char *cursor = buf;

	while (len) {
		size_t chunk = MIN(len, PAGE_SIZE - (ipa & (PAGE_SIZE - 1)));
		void *host = host_pointer(zone, ipa, chunk);
		if (!host)
			return -HV_EFAULT;
		if (to_guest)
			memcpy(host, cursor, chunk);
		else
			memcpy(cursor, host, chunk);
		cursor += chunk;
		ipa += chunk;
		len -= chunk;
	}
	return 0;
}

int guest_write(struct zone *zone, uint64_t ipa, const void *src, size_t len)
{
	return guest_copy(zone, ipa, (void *)src, len, true);
}

int guest_read(struct zone *zone, uint64_t ipa, void *dst, size_t len)
{
	return guest_copy(zone, ipa, dst, len, false);
}
