/* The GICv3's part of the validator: a zone's distributor and
 * redistributor windows are emulated at the machine's addresses, and a
 * zone owns SPIs only. */
#include <tessera/hypercall.h>

#include "irqchip_config.h"
#include "util.h"

#define FIRST_SPI 32
#define DISTRIBUTOR 0
#define REDISTRIBUTORS 1

#define reject(error, code, ...) \
	(config_error_format((error), __VA_ARGS__), (error)->err = (code))

/* A window larger than the machine's would let the emulation reach memory
 * beyond it. */
static int check_distributor_window(const struct gicv3_config *gic, const struct platform *plat,
				    struct config_error *e)
{
	const struct phys_range *machine = &plat->irqchip_windows[DISTRIBUTOR];
	bool base_differs = gic->gicd_base != machine->start;

	if (!base_differs && gic->gicd_size == machine->size)
		return 0;
	return reject(e, -HV_EINVAL,
		      "arch_config.gicd_%s 0x%llx: the GIC distributor window must be exactly "
		      "0x%llx size 0x%llx",
		      base_differs ? "base" : "size",
		      (unsigned long long)(base_differs ? gic->gicd_base : gic->gicd_size),
		      (unsigned long long)machine->start, (unsigned long long)machine->size);
}

/* The window may be anything from one frame to the whole region the
 * board reserves for redistributors (hvisor's configs name QEMU virt's
 * 0xf60000): it traps, never maps, and only the frames of the zone's own
 * CPUs answer; the rest reads as zero and ignores writes (vgicr.c). */
static int check_redistributor_window(const struct gicv3_config *gic, const struct platform *plat,
				      struct config_error *e)
{
	const struct phys_range *machine = &plat->irqchip_windows[REDISTRIBUTORS];
	uint64_t frame = plat->irqchip_per_cpu_size;
	uint64_t limit = plat->irqchip_per_cpu_span > machine->size ? plat->irqchip_per_cpu_span
									: machine->size;

	if (gic->gicr_base != machine->start)
		return reject(e, -HV_EINVAL,
			      "arch_config.gicr_base 0x%llx: the GIC redistributors window must "
			      "start at 0x%llx",
			      (unsigned long long)gic->gicr_base,
			      (unsigned long long)machine->start);
	if (gic->gicr_size == 0 || gic->gicr_size > limit || !IS_ALIGNED(gic->gicr_size, frame))
		return reject(e, -HV_EINVAL,
			      "arch_config.gicr_size 0x%llx: the GIC redistributors window must "
			      "be whole frames of 0x%llx, at most 0x%llx (the board's "
			      "redistributor region)",
			      (unsigned long long)gic->gicr_size, (unsigned long long)frame,
			      (unsigned long long)limit);
	return 0;
}

int irqchip_config_check_arch(const struct zone_config *c, const struct platform *plat,
			      struct config_error *e)
{
	const struct arch_zone_config *a = &c->arch_config;

	if (a->is_aarch32)
		return reject(e, -HV_EINVAL,
			      "arch_config.is_aarch32 %u: AArch32 zones are not supported",
			      (unsigned)a->is_aarch32);
	if (a->gic_version_tag != GIC_VERSION_TAG_V3)
		return reject(e, -HV_EINVAL,
			      "arch_config.gic_version_tag %llu: only GICv3 (tag %u) is supported",
			      (unsigned long long)a->gic_version_tag, GIC_VERSION_TAG_V3);
	int err = check_distributor_window(&a->gic.v3, plat, e);
	if (err)
		return err;
	return check_redistributor_window(&a->gic.v3, plat, e);
}

int irqchip_config_check_interrupts(const struct zone_config *c, const struct platform *plat,
				    struct config_error *e)
{
	for (unsigned intid = 0; intid < CONFIG_MAX_INTERRUPTS; intid++) {
		unsigned word = intid / 32;
		if (!(c->interrupts_bitmap[word] & (1u << (intid % 32))))
			continue;
		if (intid < FIRST_SPI)
			return reject(e, -HV_EINVAL,
				      "interrupts_bitmap[%u] 0x%x: INTID %u is an SGI or PPI, "
				      "private to each CPU",
				      word, c->interrupts_bitmap[word], intid);
		if (intid >= plat->num_interrupts)
			return reject(e, -HV_EINVAL,
				      "interrupts_bitmap[%u] 0x%x: INTID %u does not exist on "
				      "this machine (%u INTIDs)",
				      word, c->interrupts_bitmap[word], intid,
				      plat->num_interrupts);
	}
	return 0;
}

unsigned irqchip_config_windows(const struct zone_config *c,
				struct irqchip_window out[PLATFORM_IRQCHIP_WINDOWS])
{
	const struct gicv3_config *gic = &c->arch_config.gic.v3;

	out[DISTRIBUTOR] = (struct irqchip_window){ "GIC distributor", gic->gicd_base,
						    gic->gicd_size };
	out[REDISTRIBUTORS] = (struct irqchip_window){ "GIC redistributor", gic->gicr_base,
						       gic->gicr_size };
	return 2;
}

unsigned irqchip_config_machine_cpus(const struct zone_config *root, const struct platform *plat)
{
	uint64_t frame = plat->irqchip_per_cpu_size;
	uint64_t window = root->arch_config.gic.v3.gicr_size;

	if (root->arch_config.gic_version_tag != GIC_VERSION_TAG_V3 || frame == 0 ||
	    window % frame)
		return 0;
	return (unsigned)(window / frame);
}

void irqchip_platform_set_cpus(struct platform *plat)
{
	uint64_t window = plat->num_cpus * plat->irqchip_per_cpu_size;

	plat->irqchip_windows[REDISTRIBUTORS].size = window;
	plat->root_zone->arch_config.gic.v3.gicr_size = window;
}
