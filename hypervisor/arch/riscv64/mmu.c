/* The hypervisor's own (HS-mode) address space, laid out in hs_map.c. The
 * hypervisor reaches zone memory by physical address (see guest_memory.c). */
#include <asm/csr.h>
#include <asm/hs_map.h>
#include <asm/mmu.h>
#include <asm/trap_frame.h>

#include "platform.h"

void mmu_build_tables(void);
void mmu_enable(void);

static struct hs_tables hs_tables;

static struct hs_layout hs_layout(void)
{
	return (struct hs_layout){
		.ram_start = platform.ram.start,
		.ram_size = platform.ram.size,
		.stacks = (uintptr_t)cpu_stacks,
		.stack_slot = CPU_STACK_SLOT,
		.num_stacks = MAX_CPUS,
	};
}

/* On the boot hart, before any other hart starts. */
void mmu_build_tables(void)
{
	const struct hs_layout layout = hs_layout();

	hs_tables_build(&hs_tables, &layout);
}

bool mmu_stack_guard_cpu(uint64_t addr, unsigned *cpu)
{
	const struct hs_layout layout = hs_layout();

	return hs_guard_page_slot(&layout, addr, cpu);
}

/* The tables were written with satp off, by this hart or, before it
 * started, by the boot hart: the fence orders those stores before this
 * hart's walks. */
void mmu_enable(void)
{
	__asm__ volatile("sfence.vma" : : : "memory");
	csr_write(CSR_SATP, SATP_MODE_SV39 | (uintptr_t)hs_tables.l2 >> 12);
	__asm__ volatile("sfence.vma" : : : "memory");
}
