#include <stdint.h>

#include "check.h"
#include "counter.h"
#include "exception.h"
#include "exception_check.h"
#include "print.h"
#include "smccc.h"
#include "smccc_check.h"
#include "trap_hardening.h"

#define UNMAPPED_CODE_ADDR 0x0f000000UL /* nothing in zone0's stage 2 */
#define UNMAPPED_DATA_ADDR 0x0f001000UL
#define IABT_JUMPS         50

/* Longer than the hypervisor's log window (1 s), so that the jumps start a
 * window of their own and a later line reports what that window held back. */
#define LOG_WINDOW_WAIT_MS 1200

#define ESR_EC_IABT_CUR 0x21
#define ESR_IFSC(esr)   ((esr) & 0x3f)

#define OSLSR_OSLK (1u << 1)
#define OSDLR_DLK  1u

extern char iabt_return_vectors[];
volatile uint64_t iabt_count;
volatile uint64_t iabt_last_esr;

static void set_vbar_el1(uintptr_t vbar)
{
	__asm__ volatile("msr vbar_el1, %0\n\tisb" : : "r"(vbar) : "memory");
}

static uintptr_t get_vbar_el1(void)
{
	uintptr_t vbar;

	__asm__ volatile("mrs %0, vbar_el1" : "=r"(vbar));
	return vbar;
}

/* Returns through iabt_return_vectors, which resumes at the link register. */
static void jump_to(uintptr_t target)
{
	__asm__ volatile("blr %0" : : "r"(target) : "x16", "x17", "x30", "memory");
}

/* 50 instruction aborts, each logged by the hypervisor: the log keeps to its
 * rate limit, and the next guest-caused line (the unhandled read after the
 * window) reports how many it held back; tests/system checks the console.
 * How long the jumps took bounds how many windows they span, which a slow
 * host makes more than one. */
void check_instruction_abort_log_is_rate_limited(void)
{
	const char *what = "50 instruction aborts are all delivered";
	uintptr_t saved_vbar = get_vbar_el1();
	uint64_t start, ticks;

	counter_spin_ms(LOG_WINDOW_WAIT_MS);
	iabt_count = 0;
	iabt_last_esr = 0;
	set_vbar_el1((uintptr_t)iabt_return_vectors);
	start = counter_ticks();
	for (unsigned i = 0; i < IABT_JUMPS; i++)
		jump_to(UNMAPPED_CODE_ADDR);
	ticks = counter_ticks() - start;
	set_vbar_el1(saved_vbar);
	counter_spin_ms(LOG_WINDOW_WAIT_MS);
	print("selftest: instruction aborts done in %lu ms, reading 0x%lx to close the log window\n",
	      ticks * 1000 / counter_frequency(), UNMAPPED_DATA_ADDR);
	exception_clear();
	probe_read32(UNMAPPED_DATA_ADDR);

	if (iabt_count != IABT_JUMPS)
		check_fail(what, "%lu aborts taken, want %u", iabt_count, IABT_JUMPS);
	else if (ESR_EC(iabt_last_esr) != ESR_EC_IABT_CUR ||
		 ESR_IFSC(iabt_last_esr) != ESR_DFSC_SYNC_EXT)
		check_fail(what, "ESR 0x%lx, want EC 0x%x IFSC 0x%x", iabt_last_esr,
			   ESR_EC_IABT_CUR, ESR_DFSC_SYNC_EXT);
	else
		check_pass(what);
}

static inline uint64_t read_cpuactlr_el1(void)
{
	uint64_t value = 0;

	__asm__ volatile("mrs %0, S3_1_C15_C2_0" : "+r"(value) : : "memory");
	return value;
}

/* QEMU before 8.0 does not implement the HCR_EL2.TIDCP trap: its CPUACTLR_EL1
 * is a constant no zone can change, and the check can only say so; the
 * system test knows the QEMU version and whether that is acceptable. */
void check_impdef_register_is_undefined(void)
{
	const char *what = "read of IMPLEMENTATION DEFINED CPUACTLR_EL1 is undefined";
	uint64_t value;

	exception_clear();
	value = read_cpuactlr_el1();
	if (!sync_taken)
		print("selftest: SKIP %s (no exception, read 0x%lx: the CPU does not trap "
		      "HCR_EL2.TIDCP)\n", what, value);
	else if (ESR_EC(sync_esr) != ESR_EC_UNKNOWN)
		check_fail(what, "ESR 0x%lx, want EC 0x%x", sync_esr, ESR_EC_UNKNOWN);
	else
		check_pass(what);
}

void check_actlr_el1_write_does_not_stick(void)
{
	const char *what = "ACTLR_EL1 reads as zero and ignores writes";
	uint64_t value;

	exception_clear();
	__asm__ volatile("msr actlr_el1, %0\n\tisb" : : "r"(~0UL) : "memory");
	__asm__ volatile("mrs %0, actlr_el1" : "=r"(value));
	if (failed_with_exception(what))
		return;
	if (value != 0)
		check_fail(what, "read back 0x%lx", value);
	else
		check_pass(what);
}

static inline uint64_t read_osdlr_el1(void)
{
	uint64_t value;

	__asm__ volatile("mrs %0, osdlr_el1" : "=r"(value));
	return value;
}

static inline void write_osdlr_el1(uint64_t value)
{
	__asm__ volatile("msr osdlr_el1, %0\n\tisb" : : "r"(value) : "memory");
}

void check_os_double_lock_does_not_stick(void)
{
	const char *what = "OS Double Lock reads as zero and ignores writes";
	uint64_t value;

	exception_clear();
	write_osdlr_el1(OSDLR_DLK);
	value = read_osdlr_el1();
	write_osdlr_el1(0);
	if (failed_with_exception(what))
		return;
	if (value != 0)
		check_fail(what, "OSDLR_EL1 read back 0x%lx", value);
	else
		check_pass(what);
}

static inline uint64_t os_lock_set_and_read(uint64_t lock)
{
	uint64_t status;

	__asm__ volatile("msr oslar_el1, %1\n\tisb\n\tmrs %0, oslsr_el1"
			 : "=r"(status) : "r"(lock) : "memory");
	return status;
}

void check_os_lock_is_the_zones_own(void)
{
	const char *what = "OS Lock is the zone's CPU's own";
	uint64_t locked, unlocked;

	exception_clear();
	locked = os_lock_set_and_read(1);
	unlocked = os_lock_set_and_read(0);
	if (failed_with_exception(what))
		return;
	if (!(locked & OSLSR_OSLK) || (unlocked & OSLSR_OSLK))
		check_fail(what, "OSLSR_EL1 0x%lx locked, 0x%lx unlocked", locked, unlocked);
	else
		check_pass(what);
}

void check_smccc_arch_workarounds(void)
{
	const char *what = "SMCCC 1.1 with SMCCC_ARCH_FEATURES";
	long version = smc_call(SMCCC_VERSION, 0, 0, 0);
	long features = smc_call(SMCCC_ARCH_FEATURES, SMCCC_ARCH_FEATURES, 0, 0);

	if (version < 0x10001 || features != 0)
		check_fail(what, "SMCCC_VERSION 0x%lx, ARCH_FEATURES(ARCH_FEATURES) %ld", version,
			   features);
	else
		check_pass(what);
	check_arch_workaround("SMCCC_ARCH_WORKAROUND_1 answers as reported",
			      SMCCC_ARCH_WORKAROUND_1, 0);
	check_arch_workaround("SMCCC_ARCH_WORKAROUND_2 answers as reported",
			      SMCCC_ARCH_WORKAROUND_2, 1);
	check_arch_workaround("SMCCC_ARCH_WORKAROUND_3 answers as reported",
			      SMCCC_ARCH_WORKAROUND_3, 0);
}
