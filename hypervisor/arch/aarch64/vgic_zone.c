/* A zone's virtual GIC: its register windows trapped at creation, and, once
 * the start can no longer fail and again when it stops, its distributor state
 * at reset values and its interrupts quiesced in the physical GIC. */
#include <tessera/hypercall.h>

#include <asm/gicv3.h>
#include <asm/vgic.h>

#include "cstring.h"
#include "log.h"
#include "util.h"
#include "zone.h"

/* Disabled, not pending, not active: as neither the zone that had them nor
 * the one that gets them left them. */
static void quiesce_owned_spis(const struct zone *zone)
{
	const uint32_t *owned = zone->config.interrupts_bitmap;
	uintptr_t gicd = platform_gic.gicd_base;

	for (uint32_t first = VGIC_FIRST_SPI; first < platform.num_interrupts; first += 32) {
		uint32_t mask = vgic_owned_mask_1bit(owned, first);
		gic_write32(gicd + GICD_ICENABLER + first / 8, mask);
		gic_write32(gicd + GICD_ICPENDR + first / 8, mask);
		gic_write32(gicd + GICD_ICACTIVER + first / 8, mask);
	}
}

/* A mapped region over the zone's own GIC window would never trap. */
static bool shadows_gic_window(const struct zone *zone, const struct gicv3_config *gic)
{
	for (uint32_t i = 0; i < zone->config.num_memory_regions; i++) {
		const struct memory_region *r = &zone->config.memory_regions[i];
		if (r->type != MEM_TYPE_VIRTIO &&
		    (ranges_overlap(r->virtual_start, r->size, gic->gicd_base, gic->gicd_size) ||
		     ranges_overlap(r->virtual_start, r->size, gic->gicr_base, gic->gicr_size)))
			return true;
	}
	return false;
}

int vgic_zone_init(struct zone *zone)
{
	struct gicv3_config *gic = &zone->config.arch_config.gic.v3;
	int err;

	if (zone->config.arch_config.gic_version_tag != GIC_VERSION_TAG_V3) {
		log_error("zone %u: only GICv3 is supported on this platform", zone->id);
		return -HV_EINVAL;
	}
	/* Emulation forwards to the physical GIC at the same address. */
	if (gic->gicd_base != platform_gic.gicd_base || gic->gicd_size == 0 ||
	    gic->gicr_base != platform_gic.gicr_base || gic->gicr_size == 0) {
		log_error("zone %u: its GIC must be at the physical GIC's addresses", zone->id);
		return -HV_EINVAL;
	}
	if (shadows_gic_window(zone, gic)) {
		log_error("zone %u: a memory region covers its GIC registers", zone->id);
		return -HV_EINVAL;
	}
	err = mmio_register(zone, gic->gicd_base, gic->gicd_size, vgicd_access,
			    (void *)(uintptr_t)gic->gicd_base);
	if (!err)
		err = mmio_register(zone, gic->gicr_base, gic->gicr_size, vgicr_access, gic);
	return err;
}

void vgic_zone_reset(struct zone *zone)
{
	memset(&vgic_dists[zone_slot(zone)], 0, sizeof(vgic_dists[0]));
	quiesce_owned_spis(zone);
}
