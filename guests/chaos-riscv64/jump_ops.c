/* Jumps to addresses that cannot run: unmapped, emulated, another zone's,
 * the hypervisor's. The fault resumes the guest at jump_recovered
 * (trap_vector.S). */
#include <stdint.h>

#include "ops.h"
#include "prng.h"

void jump_to(uint64_t target);

void op_jump(void)
{
	/* jalr clears bit 0; a target 2 bytes past a word is a valid one with C. */
	jump_to(random_outside_address() & ~1ULL);
}
