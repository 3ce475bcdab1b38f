/* Jumps to addresses that cannot run: unmapped, emulated, another zone's,
 * or misaligned. The abort resumes the guest at jump_recovered (vectors.S). */
#include <stdint.h>

#include "ops.h"
#include "prng.h"

void jump_to(uint64_t target);

void op_jump(void)
{
	uint64_t target = random_outside_address();

	if (prng_below(4))
		target &= ~3ULL;
	jump_to(target);
}
