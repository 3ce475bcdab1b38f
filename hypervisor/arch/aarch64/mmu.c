/* The hypervisor's own (EL2 stage-1) address space, laid out in el2_map.c.
 * The hypervisor reaches zone memory by physical address (see guest_memory.c). */
#include <asm/el2_map.h>
#include <asm/mmu.h>
#include <asm/sysreg.h>
#include <asm/trap_frame.h>

#include "platform.h"

#define MAIR_VALUE (0xffULL << (8 * EL2_MAIR_NORMAL_WB) | 0x04ULL << (8 * EL2_MAIR_DEVICE_nGnRE))

/* 39-bit VA (T0SZ 25, first level 1), write-back walks, inner shareable,
 * 4 KiB granule, 40-bit PA. */
#define TCR_EL2_VALUE     (25ULL | 1ULL << 8 | 1ULL << 10 | 3ULL << 12 | 2ULL << 16 | \
			   1ULL << 23 | 1ULL << 31)

static struct el2_tables el2_tables;

static struct el2_layout el2_layout(void)
{
	return (struct el2_layout){
		.ram_start = platform.ram.start,
		.ram_size = platform.ram.size,
		.stacks = (uintptr_t)cpu_stacks,
		.stack_slot = CPU_STACK_SLOT,
		.num_stacks = MAX_CPUS,
	};
}

/* Runs with the MMU off, on the boot CPU, before any other CPU starts. */
void mmu_build_tables(void)
{
	const struct el2_layout layout = el2_layout();

	el2_tables_build(&el2_tables, &layout);
}

bool mmu_stack_guard_cpu(uint64_t addr, unsigned *cpu)
{
	const struct el2_layout layout = el2_layout();

	return el2_guard_page_slot(&layout, addr, cpu);
}

void mmu_enable(void)
{
	write_sysreg(mair_el2, MAIR_VALUE);
	write_sysreg(tcr_el2, TCR_EL2_VALUE);
	write_sysreg(ttbr0_el2, (uintptr_t)el2_tables.l1);
	isb();
	__asm__ volatile("tlbi alle2" : : : "memory");
	dsb(ish);
	write_sysreg(sctlr_el2, SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_SA);
	isb();
}
