/* Zone memory the hypervisor writes: a stopped zone's RAM cleared, a
 * restarted zone's images put back. The harts QEMU emulates have no caches
 * to maintain (nor Zicbom): a fence makes the stores visible to every hart
 * before the zone runs. */
#include "arch.h"
#include "cstring.h"

void arch_clean_memory(uint64_t pa, uint64_t size)
{
	(void)pa;
	(void)size;
	__asm__ volatile("fence rw, rw" : : : "memory");
}

void arch_clear_memory(uint64_t pa, uint64_t size)
{
	memset((void *)(uintptr_t)pa, 0, size);
	arch_clean_memory(pa, size);
}
