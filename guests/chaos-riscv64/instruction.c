/* One instruction word built at run time: CSR accesses of any number and
 * SYSTEM instructions of any encoding. It runs from a two-word buffer, the
 * instruction then `ret`, with a0-a3 as its operands. */
#include <stdint.h>

#include "ops.h"

#define RET 0x00008067u /* jalr x0, 0(ra) */

static uint32_t buffer[2] __attribute__((aligned(8)));

uint64_t run_instruction(uint32_t instruction, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t r0 __asm__("a0") = a0;
	register uint64_t r1 __asm__("a1") = a1;
	register uint64_t r2 __asm__("a2") = a2;
	register uint64_t r3 __asm__("a3") = a3;
	void (*code)(void) = (void (*)(void))(uintptr_t)buffer;

	buffer[0] = instruction;
	buffer[1] = RET;
	/* The words were written as data: make them what the hart fetches. */
	__asm__ volatile("fence.i" : : : "memory");
	__asm__ volatile("jalr %4"
			 : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3)
			 : "r"(code)
			 : "ra", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a4", "a5", "a6", "a7",
			   "memory");
	return r0;
}
