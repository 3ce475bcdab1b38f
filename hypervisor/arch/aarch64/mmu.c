/* The hypervisor's own (EL2 stage-1) address space: an identity map of the
 * device window below RAM and of all RAM, in 1 GiB blocks. The hypervisor
 * reaches zone memory by physical address (see guest_memory.c). */
#include <asm/sysreg.h>

#include "platform.h"
#include "util.h"

#define GIB               (1ULL << 30)
#define ENTRIES           512
#define BLOCK_VALID       0x1ULL
#define ATTR_INDEX(n)     ((uint64_t)(n) << 2)
#define SH_INNER          (3ULL << 8)
#define AF                (1ULL << 10)
#define XN                (1ULL << 54)

#define MAIR_NORMAL_WB    0
#define MAIR_DEVICE_nGnRE 1
#define MAIR_VALUE        (0xffULL << (8 * MAIR_NORMAL_WB) | 0x04ULL << (8 * MAIR_DEVICE_nGnRE))

/* 39-bit VA (T0SZ 25, first level 1), write-back walks, inner shareable,
 * 4 KiB granule, 40-bit PA. */
#define TCR_EL2_VALUE     (25ULL | 1ULL << 8 | 1ULL << 10 | 3ULL << 12 | 2ULL << 16 | \
			   1ULL << 23 | 1ULL << 31)

static uint64_t el2_table[ENTRIES] __attribute__((aligned(4096)));

/* Runs with the MMU off (memory is Device-nGnRnE): aligned stores only. */
void mmu_build_tables(void)
{
	for (uint64_t i = 0; i < ENTRIES; i++) {
		uint64_t addr = i * GIB;
		if (range_contains(platform.ram.start, platform.ram.size, addr, GIB))
			el2_table[i] = addr | BLOCK_VALID | ATTR_INDEX(MAIR_NORMAL_WB) | SH_INNER | AF;
		else if (addr < platform.ram.start)
			el2_table[i] = addr | BLOCK_VALID | ATTR_INDEX(MAIR_DEVICE_nGnRE) | AF | XN;
	}
}

void mmu_enable(void)
{
	write_sysreg(mair_el2, MAIR_VALUE);
	write_sysreg(tcr_el2, TCR_EL2_VALUE);
	write_sysreg(ttbr0_el2, (uintptr_t)el2_table);
	isb();
	__asm__ volatile("tlbi alle2" : : : "memory");
	dsb(ish);
	write_sysreg(sctlr_el2, SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_SA);
	isb();
}
