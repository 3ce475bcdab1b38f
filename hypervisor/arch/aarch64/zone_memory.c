/* Zone memory the hypervisor writes: a stopped zone's RAM cleared, a
 * restarted zone's images put back. Both are cleaned to the point of
 * coherency, since the zone may read them with its MMU and caches off. DC
 * ZVA zeroes a whole block per instruction. */
#include <asm/sysreg.h>

#include "arch.h"
#include "util.h"

#define DCZID_PROHIBITED (1u << 4)

static void clear_with_stores(uint64_t pa, uint64_t size)
{
	for (volatile uint64_t *p = (uint64_t *)(uintptr_t)pa; size; size -= 8)
		*p++ = 0;
}

void arch_clean_memory(uint64_t pa, uint64_t size)
{
	uint64_t line = 4ULL << ((read_sysreg(ctr_el0) >> 16) & 0xf);

	for (uint64_t addr = ALIGN_DOWN(pa, line); addr < pa + size; addr += line)
		__asm__ volatile("dc cvac, %0" : : "r"(addr) : "memory");
	dsb(sy);
}

void arch_clear_memory(uint64_t pa, uint64_t size)
{
	uint64_t dczid = read_sysreg(dczid_el0);
	uint64_t block = 4ULL << (dczid & 0xf);

	if ((dczid & DCZID_PROHIBITED) || !IS_ALIGNED(pa | size, block)) {
		clear_with_stores(pa, size);
	} else {
		for (uint64_t addr = pa; addr < pa + size; addr += block)
			__asm__ volatile("dc zva, %0" : : "r"(addr) : "memory");
	}
	dsb(ish);
	arch_clean_memory(pa, size);
}
