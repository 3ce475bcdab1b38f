/* Loads and stores of every width and alignment, single, paired and with
 * base write-back (which the hypervisor cannot decode from the syndrome),
 * to the addresses of addresses.c and to the scratch end of its own RAM.
 * Each access is one instruction, so the exception handler's ELR + 4
 * resumes right after it. The UART's data register is only read: written
 * at random it would print noise on the console. */
#include <stdbool.h>
#include <stdint.h>

#include "ops.h"
#include "prng.h"

#define UART_DR_END 0x09000004UL
#define UART_DR     0x09000000UL

static uint64_t random_address(void)
{
	if (prng_below(8) == 0)
		return SCRATCH_START + prng_below(OWN_RAM_END - SCRATCH_START);
	return random_outside_address();
}

static void load(uint64_t addr, unsigned kind)
{
	uint64_t value = 0, second = 0;

	switch (kind) {
	case 0:
		__asm__ volatile("ldrb %w0, [%1]" : "+r"(value) : "r"(addr) : "memory");
		break;
	case 1:
		__asm__ volatile("ldrh %w0, [%1]" : "+r"(value) : "r"(addr) : "memory");
		break;
	case 2:
		__asm__ volatile("ldr %w0, [%1]" : "+r"(value) : "r"(addr) : "memory");
		break;
	case 3:
		__asm__ volatile("ldr %0, [%1]" : "+r"(value) : "r"(addr) : "memory");
		break;
	case 4:
		__asm__ volatile("ldp %0, %1, [%2]" : "+r"(value), "+r"(second) : "r"(addr)
				 : "memory");
		break;
	case 5:
		__asm__ volatile("ldrsh %0, [%1]" : "+r"(value) : "r"(addr) : "memory");
		break;
	default:
		__asm__ volatile("ldr %w0, [%1], #4" : "+r"(value), "+r"(addr) : : "memory");
		break;
	}
}

static void store(uint64_t addr, unsigned kind, uint64_t value)
{
	switch (kind) {
	case 0:
		__asm__ volatile("strb %w0, [%1]" : : "r"(value), "r"(addr) : "memory");
		break;
	case 1:
		__asm__ volatile("strh %w0, [%1]" : : "r"(value), "r"(addr) : "memory");
		break;
	case 2:
		__asm__ volatile("str %w0, [%1]" : : "r"(value), "r"(addr) : "memory");
		break;
	case 3:
		__asm__ volatile("str %0, [%1]" : : "r"(value), "r"(addr) : "memory");
		break;
	case 4:
		__asm__ volatile("stp %0, %0, [%1]" : : "r"(value), "r"(addr) : "memory");
		break;
	case 5:
		__asm__ volatile("str xzr, [%0]" : : "r"(addr) : "memory");
		break;
	default:
		__asm__ volatile("str %w1, [%0], #4" : "+r"(addr) : "r"(value) : "memory");
		break;
	}
}

static bool hits_uart_data(uint64_t addr)
{
	return addr + 16 > UART_DR && addr < UART_DR_END;
}

void op_memory(void)
{
	uint64_t addr = random_address();
	unsigned kind = (unsigned)prng_below(7);

	if (prng_below(2) && !hits_uart_data(addr))
		store(addr, kind, prng_next());
	else
		load(addr, kind);
}
