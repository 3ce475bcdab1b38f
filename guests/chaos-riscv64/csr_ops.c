/* CSR accesses across the whole 12-bit CSR space: reads, writes, and bit
 * sets and clears, with a0 as the register. VS mode reaches its own
 * supervisor CSRs (the hart's vs* copies); hypervisor CSRs and counters
 * the hypervisor withholds trap to it (virtual instruction), machine and
 * debug CSRs are illegal. Writes that would take the guest's own ground
 * away (its interrupt enable, its trap vector, its address translation)
 * are left out: they would end the run without testing the hypervisor. */
#include <stdbool.h>
#include <stdint.h>

#include "ops.h"
#include "prng.h"

#define CSR_OPCODE 0x73u
#define REG_A0     10u

enum csr_funct3 { CSRRW = 1, CSRRS = 2, CSRRC = 3 };

#define CSR_SSTATUS 0x100
#define CSR_STVEC   0x105
#define CSR_SATP    0x180

static const uint16_t unwritable[] = { CSR_SSTATUS, CSR_STVEC, CSR_SATP };

/* Values that reach bits a random word rarely sets alone. */
static const uint64_t values[] = { 0, ~0ULL, 1, 0x80000000ULL, 0xffffffffULL, 1ULL << 63 };

static bool writable(uint32_t csr)
{
	for (unsigned i = 0; i < sizeof(unwritable) / sizeof(unwritable[0]); i++)
		if (unwritable[i] == csr)
			return false;
	return true;
}

/* csrrX a0, csr, rs1: rs1 = x0 makes CSRRS and CSRRC pure reads. */
static uint32_t csr_instruction(uint32_t csr, enum csr_funct3 funct3, uint32_t rs1)
{
	return csr << 20 | rs1 << 15 | (uint32_t)funct3 << 12 | REG_A0 << 7 | CSR_OPCODE;
}

void op_csr(void)
{
	uint32_t csr = (uint32_t)prng_below(4096);
	uint64_t value = prng_below(2) ? prng_next() : PRNG_PICK(values);
	enum csr_funct3 funct3 = (enum csr_funct3)(CSRRW + prng_below(3));

	if (prng_below(2) && writable(csr))
		run_instruction(csr_instruction(csr, funct3, REG_A0), value, 0, 0, 0);
	else
		run_instruction(csr_instruction(csr, CSRRS, 0), value, 0, 0, 0);
}
