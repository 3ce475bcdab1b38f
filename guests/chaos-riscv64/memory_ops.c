/* Loads and stores of every width and alignment, signed and unsigned,
 * compressed, atomic (AMOs and LR/SC, which the hypervisor does not
 * emulate), and with x0 as the destination or the source, to the
 * addresses of addresses.c and to the scratch end of its own RAM. Each
 * access is one instruction, so the trap vector's sepc + length resumes
 * right after it. */
#include <stdbool.h>
#include <stdint.h>

#include "ops.h"
#include "prng.h"

#define LOAD_KINDS  14
#define STORE_KINDS 12

static uint64_t random_address(void)
{
	if (prng_below(8) == 0)
		return SCRATCH_START + prng_below(OWN_RAM_END - SCRATCH_START);
	return random_outside_address();
}

/* The compressed forms name x8-x15 only: a4 and a5. */
static void compressed_load(uint64_t addr, bool doubleword)
{
	register uint64_t base __asm__("a5") = addr;
	register uint64_t value __asm__("a4") = 0;

	if (doubleword)
		__asm__ volatile("c.ld %0, 0(%1)" : "+r"(value) : "r"(base) : "memory");
	else
		__asm__ volatile("c.lw %0, 0(%1)" : "+r"(value) : "r"(base) : "memory");
}

static void compressed_store(uint64_t addr, uint64_t data, bool doubleword)
{
	register uint64_t base __asm__("a5") = addr;
	register uint64_t value __asm__("a4") = data;

	if (doubleword)
		__asm__ volatile("c.sd %0, 0(%1)" : : "r"(value), "r"(base) : "memory");
	else
		__asm__ volatile("c.sw %0, 0(%1)" : : "r"(value), "r"(base) : "memory");
}

static void load(uint64_t addr, unsigned kind)
{
	uint64_t value = 0;

	switch (kind) {
	case 0:
		__asm__ volatile("lb %0, 0(%1)" : "+r"(value) : "r"(addr) : "memory");
		break;
	case 1:
		__asm__ volatile("lbu %0, 0(%1)" : "+r"(value) : "r"(addr) : "memory");
		break;
	case 2:
		__asm__ volatile("lh %0, 0(%1)" : "+r"(value) : "r"(addr) : "memory");
		break;
	case 3:
		__asm__ volatile("lhu %0, 0(%1)" : "+r"(value) : "r"(addr) : "memory");
		break;
	case 4:
		__asm__ volatile("lw %0, 0(%1)" : "+r"(value) : "r"(addr) : "memory");
		break;
	case 5:
		__asm__ volatile("lwu %0, 0(%1)" : "+r"(value) : "r"(addr) : "memory");
		break;
	case 6:
		__asm__ volatile("ld %0, 0(%1)" : "+r"(value) : "r"(addr) : "memory");
		break;
	case 7:
		__asm__ volatile("lw zero, 0(%0)" : : "r"(addr) : "memory");
		break;
	case 8:
		compressed_load(addr, false);
		break;
	case 9:
		compressed_load(addr, true);
		break;
	case 10:
		__asm__ volatile("lr.w %0, (%1)" : "+r"(value) : "r"(addr) : "memory");
		break;
	case 11:
		__asm__ volatile("lr.d %0, (%1)" : "+r"(value) : "r"(addr) : "memory");
		break;
	case 12:
		/* An offset that is not the access's size apart from the base. */
		__asm__ volatile("lw %0, -3(%1)" : "+r"(value) : "r"(addr) : "memory");
		break;
	default:
		__asm__ volatile("ld %0, 2047(%1)" : "+r"(value) : "r"(addr) : "memory");
		break;
	}
}

static void store(uint64_t addr, unsigned kind, uint64_t value)
{
	uint64_t old = 0;

	switch (kind) {
	case 0:
		__asm__ volatile("sb %0, 0(%1)" : : "r"(value), "r"(addr) : "memory");
		break;
	case 1:
		__asm__ volatile("sh %0, 0(%1)" : : "r"(value), "r"(addr) : "memory");
		break;
	case 2:
		__asm__ volatile("sw %0, 0(%1)" : : "r"(value), "r"(addr) : "memory");
		break;
	case 3:
		__asm__ volatile("sd %0, 0(%1)" : : "r"(value), "r"(addr) : "memory");
		break;
	case 4:
		__asm__ volatile("sd zero, 0(%0)" : : "r"(addr) : "memory");
		break;
	case 5:
		compressed_store(addr, value, false);
		break;
	case 6:
		compressed_store(addr, value, true);
		break;
	case 7:
		__asm__ volatile("amoswap.w %0, %1, (%2)" : "+r"(old) : "r"(value), "r"(addr)
				 : "memory");
		break;
	case 8:
		__asm__ volatile("amoadd.d %0, %1, (%2)" : "+r"(old) : "r"(value), "r"(addr)
				 : "memory");
		break;
	case 9:
		__asm__ volatile("sc.d %0, %1, (%2)" : "+r"(old) : "r"(value), "r"(addr) : "memory");
		break;
	case 10:
		__asm__ volatile("sw %0, -1(%1)" : : "r"(value), "r"(addr) : "memory");
		break;
	default:
		__asm__ volatile("sh %0, -2048(%1)" : : "r"(value), "r"(addr) : "memory");
		break;
	}
}

void op_memory(void)
{
	uint64_t addr = random_address();

	if (prng_below(2))
		store(addr, (unsigned)prng_below(STORE_KINDS), prng_next());
	else
		load(addr, (unsigned)prng_below(LOAD_KINDS));
}
