/* The PLIC's part of the validator. A zone's PLIC is emulated at the
 * machine's address; its window may be as large as the PLIC's whole
 * architectural space (hvisor's configs say 0x4000000), since only the
 * machine's registers are emulated in it and the rest reads as zero. A zone
 * owns PLIC sources, which start at 1. Zones on a PLIC machine have no
 * APLIC: hvisor's aplic_base and aplic_size are accepted and unused. */
#include <tessera/hypercall.h>

#include "irqchip_config.h"
#include "util.h"

#define PLIC 0
/* 1024 sources, 15872 contexts: the PLIC specification's register map. */
#define PLIC_ARCHITECTURAL_SIZE 0x4000000ULL

#define reject(error, code, ...) \
	(config_error_format((error), __VA_ARGS__), (error)->err = (code))

int irqchip_config_check_arch(const struct zone_config *c, const struct platform *plat,
			      struct config_error *e)
{
	const struct arch_zone_config *a = &c->arch_config;
	const struct phys_range *machine = &plat->irqchip_windows[PLIC];

	if (a->plic_base != machine->start)
		return reject(e, -HV_EINVAL,
			      "arch_config.plic_base 0x%llx: the PLIC window must start at the "
			      "machine's PLIC, 0x%llx",
			      (unsigned long long)a->plic_base, (unsigned long long)machine->start);
	if (a->plic_size < machine->size || a->plic_size > PLIC_ARCHITECTURAL_SIZE ||
	    !IS_ALIGNED(a->plic_size, PAGE_SIZE))
		return reject(e, -HV_EINVAL,
			      "arch_config.plic_size 0x%llx: the PLIC window must cover the "
			      "machine's PLIC (0x%llx) and at most the PLIC's 0x%llx, in 4 KiB "
			      "pages",
			      (unsigned long long)a->plic_size, (unsigned long long)machine->size,
			      PLIC_ARCHITECTURAL_SIZE);
	return 0;
}

int irqchip_config_check_interrupts(const struct zone_config *c, const struct platform *plat,
				    struct config_error *e)
{
	for (unsigned source = 0; source < CONFIG_MAX_INTERRUPTS; source++) {
		unsigned word = source / 32;
		if (!(c->interrupts_bitmap[word] & (1u << (source % 32))))
			continue;
		if (source == 0)
			return reject(e, -HV_EINVAL,
				      "interrupts_bitmap[0] 0x%x: PLIC source 0 does not exist "
				      "(it means \"no interrupt\")",
				      c->interrupts_bitmap[0]);
		if (source >= plat->num_interrupts)
			return reject(e, -HV_EINVAL,
				      "interrupts_bitmap[%u] 0x%x: PLIC source %u does not exist on "
				      "this machine (sources 1 to %u)",
				      word, c->interrupts_bitmap[word], source,
				      plat->num_interrupts - 1);
	}
	return 0;
}

unsigned irqchip_config_windows(const struct zone_config *c,
				struct irqchip_window out[PLATFORM_IRQCHIP_WINDOWS])
{
	out[PLIC] = (struct irqchip_window){ "PLIC", c->arch_config.plic_base,
					     c->arch_config.plic_size };
	return 1;
}

/* The PLIC's window holds every hart's contexts whatever their number. */
unsigned irqchip_config_machine_cpus(const struct zone_config *root, const struct platform *plat)
{
	(void)root;
	(void)plat;
	return 0;
}

void irqchip_platform_set_cpus(struct platform *plat)
{
	(void)plat;
}
