/* Copies between the hypervisor and a zone's memory, by guest-physical
 * address, through the zone's own stage-2 tables: a zone can only name
 * memory it owns. */
#ifndef GUEST_MEMORY_H
#define GUEST_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct zone;

/* 0, or -HV_EFAULT if any byte is not RAM of the zone. */
int guest_write(struct zone *zone, uint64_t ipa, const void *src, size_t len);
int guest_read(struct zone *zone, uint64_t ipa, void *dst, size_t len);
/* Whether [ipa, ipa + len) is all RAM of the zone (len 0: the byte at ipa). */
bool guest_is_ram_range(struct zone *zone, uint64_t ipa, uint64_t len);
/* The hypervisor's pointer to the page of the zone's RAM at page-aligned
 * `ipa`, or NULL. It stays valid only while the zone keeps that page. */
void *guest_ram_page(struct zone *zone, uint64_t ipa);
static inline bool guest_is_ram(struct zone *zone, uint64_t ipa)
{
	return guest_is_ram_range(zone, ipa, 1);
}

#endif
