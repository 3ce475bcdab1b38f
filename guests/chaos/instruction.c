/* One instruction word built at run time: system register accesses of any
 * encoding, HVC and SMC of any immediate. It runs from a two-word buffer,
 * the instruction then RET, with x0-x3 as its operands. */
#include <stdint.h>

#include "ops.h"

#define RET 0xd65f03c0u

static uint32_t buffer[2] __attribute__((aligned(16)));

uint64_t run_instruction(uint32_t instruction, uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3)
{
	register uint64_t r0 __asm__("x0") = x0;
	register uint64_t r1 __asm__("x1") = x1;
	register uint64_t r2 __asm__("x2") = x2;
	register uint64_t r3 __asm__("x3") = x3;
	void (*code)(void) = (void (*)(void))(uintptr_t)buffer;

	buffer[0] = instruction;
	buffer[1] = RET;
	/* The words were written as data: make them what the CPU fetches. */
	__asm__ volatile("dc cvau, %0\n\tdsb ish\n\tic ivau, %0\n\tdsb ish\n\tisb"
			 : : "r"(buffer) : "memory");
	__asm__ volatile("blr %4"
			 : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3)
			 : "r"(code)
			 : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12",
			   "x13", "x14", "x15", "x16", "x17", "x30", "memory", "cc");
	return r0;
}
