/* The riscv64 chaos guest: from a seed, tens of thousands of random but
 * reproducible operations a zone may try against the hypervisor (CSRs,
 * loads and stores, SYSTEM instructions, SBI calls, hypercalls, jumps),
 * surviving every exception they raise. It runs as zone1 on hart 2; zone0
 * writes "seed=S ops=N" to the file that zone1-chaos.json loads at ARGS.
 * After its done line it waits, interrupts off, for zone0 to shut it down.
 * With "reset_loop=1" instead it asks for an SBI system reset as soon as it
 * boots, on every boot (a restart keeps the zone's RAM, and the args with
 * it): a zone making the hypervisor log restarts in a loop. */
#include <stdint.h>

#include "args.h"
#include "chaos_trap.h"
#include "counter.h"
#include "guest_name.h"
#include "ops.h"
#include "print.h"
#include "prng.h"
#include "sbi.h"

#define ARGS ((const volatile char *)0xf8c00000UL)
#define DEFAULT_OPS    20000
#define PROGRESS_EVERY 5000

/* zone0's shell may still be printing as this zone starts, on the same
 * console, and the two would interleave: a pause spares a reader the mix.
 * The system tests do not count on it: they keep zone0's shell silent
 * until the zone's last line (start_zone). */
#define QUIET_START_MS 200

const char guest_name[] = "chaos";
uint64_t prng_state;

void chaos_trap_vector(void);

typedef void (*op_fn)(void);

/* Weighted by repetition: CSRs and memory accesses have the largest space
 * to cover. */
static const op_fn ops[] = {
	op_csr, op_csr, op_csr, op_memory, op_memory, op_memory,
	op_system, op_sbi, op_sbi, op_hypercall, op_jump,
};

_Noreturn void main(void)
{
	uint64_t seed = args_value(ARGS, "seed", 1);
	uint64_t count = args_value(ARGS, "ops", DEFAULT_OPS);

	__asm__ volatile("csrw stvec, %0" : : "r"(chaos_trap_vector));
	while (args_value(ARGS, "reset_loop", 0))
		sbi_call2(SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, SBI_SRST_COLD_REBOOT, 0);
	counter_spin_ms(QUIET_START_MS);
	prng_seed(seed);
	print("chaos: seed %lu, %lu operations\n", seed, count);
	for (uint64_t n = 1; n <= count; n++) {
		PRNG_PICK(ops)();
		if (n % PROGRESS_EVERY == 0)
			print("chaos: seed %lu: %lu operations, %lu exceptions\n", seed, n,
			      exceptions_total());
	}
	print_exceptions();
	print("chaos: seed %lu done, %lu operations\n", seed, count);
	for (;;)
		;
}
