/* SMCCC's architecture calls against a pretend firmware: what a zone is told,
 * which SMCs reach the firmware, and the speculative store bypass mitigation
 * (ARCH_WORKAROUND_2) a zone disabled, enabled again before its CPU's next
 * vCPU starts. Values from the SMCCC and the Arm firmware interfaces for
 * Spectre: NOT_SUPPORTED -1, NOT_REQUIRED -2; WORKAROUND_2's w1 0 disables,
 * anything else enables; ARCH_FEATURES(WORKAROUND_2) 0 means the firmware
 * switches the mitigation per call. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <asm/smccc.h>
#include <asm/smccc_arch.h>

#include "platform.h"

#define NOT_SUPPORTED  (-1)
#define NOT_REQUIRED   (-2)
#define DYNAMIC        0
#define MAX_CALLS      16

struct firmware {
	int64_t psci_version;
	bool smccc_1_1;
	int64_t workaround_2;   /* its ARCH_FEATURES answer */
};

struct call {
	uint64_t fid;
	uint64_t arg;
};

static struct firmware firmware;
static struct call calls[MAX_CALLS];
static unsigned num_calls;

int64_t firmware_call(uint64_t fid, uint64_t arg0, uint64_t arg1, uint64_t arg2)
{
	(void)arg1;
	(void)arg2;
	assert_true(num_calls < MAX_CALLS);
	calls[num_calls++] = (struct call){ fid, arg0 };
	switch (fid) {
	case PSCI_VERSION:
		return firmware.psci_version;
	case PSCI_FEATURES:
		return arg0 == SMCCC_VERSION && firmware.smccc_1_1 ? PSCI_SUCCESS : NOT_SUPPORTED;
	case SMCCC_VERSION:
		/* QEMU's PSCI, asked this, is an undefined instruction at EL2. */
		assert_true(firmware.smccc_1_1);
		return SMCCC_VERSION_1_1;
	case SMCCC_ARCH_FEATURES:
		return arg0 == SMCCC_ARCH_WORKAROUND_2 ? firmware.workaround_2 : NOT_SUPPORTED;
	case SMCCC_ARCH_WORKAROUND_2:
		assert_true(firmware.smccc_1_1 && firmware.workaround_2 >= 0);
		return SMCCC_SUCCESS;
	default:
		fail_msg("SMC 0x%lx the firmware does not implement", (unsigned long)fid);
		return NOT_SUPPORTED;
	}
}

static unsigned calls_of(uint64_t fid, uint64_t arg)
{
	unsigned n = 0;

	for (unsigned i = 0; i < num_calls; i++)
		n += calls[i].fid == fid && calls[i].arg == arg;
	return n;
}

static const struct firmware qemu = { .psci_version = 0x10001, .smccc_1_1 = false };
static const struct firmware dynamic_ssbd = {
	.psci_version = 0x10001, .smccc_1_1 = true, .workaround_2 = DYNAMIC,
};

/* Every CPU at its default whatever an earlier test left, then `fw` probed
 * at boot, and no call counted. */
static void boot(struct firmware fw)
{
	firmware = dynamic_ssbd;
	for (unsigned cpu = 0; cpu < MAX_CPUS; cpu++)
		smccc_arch_restore_defaults(cpu);
	firmware = fw;
	smccc_arch_probe_firmware();
	num_calls = 0;
}

static void without_smccc_1_1_every_workaround_is_not_supported(void **state)
{
	(void)state;
	boot(qemu);
	assert_int_equal(smccc_arch_features(SMCCC_ARCH_FEATURES), SMCCC_SUCCESS);
	assert_int_equal(smccc_arch_features(SMCCC_ARCH_WORKAROUND_1), NOT_SUPPORTED);
	assert_int_equal(smccc_arch_features(SMCCC_ARCH_WORKAROUND_2), NOT_SUPPORTED);
	assert_int_equal(smccc_arch_workaround(2, SMCCC_ARCH_WORKAROUND_1, 0), NOT_SUPPORTED);
	assert_int_equal(smccc_arch_workaround(2, SMCCC_ARCH_WORKAROUND_2, 0), NOT_SUPPORTED);
	assert_int_equal(smccc_arch_workaround(2, SMCCC_ARCH_WORKAROUND_3, 0), NOT_SUPPORTED);
	smccc_arch_restore_defaults(2);
	assert_int_equal(num_calls, 0);
}

static void a_disabled_mitigation_is_enabled_before_the_cpus_next_vcpu(void **state)
{
	(void)state;
	boot(dynamic_ssbd);
	assert_int_equal(smccc_arch_features(SMCCC_ARCH_WORKAROUND_2), DYNAMIC);
	assert_int_equal(smccc_arch_workaround(2, SMCCC_ARCH_WORKAROUND_2, 0), SMCCC_SUCCESS);
	assert_int_equal(calls_of(SMCCC_ARCH_WORKAROUND_2, 0), 1);

	smccc_arch_restore_defaults(2);
	assert_int_equal(calls_of(SMCCC_ARCH_WORKAROUND_2, 1), 1);
	smccc_arch_restore_defaults(2);
	assert_int_equal(calls_of(SMCCC_ARCH_WORKAROUND_2, 1), 1);
}

static void only_the_cpu_whose_zone_disabled_it_is_restored(void **state)
{
	(void)state;
	boot(dynamic_ssbd);
	smccc_arch_workaround(1, SMCCC_ARCH_WORKAROUND_2, 0);
	num_calls = 0;
	smccc_arch_restore_defaults(2);
	assert_int_equal(num_calls, 0);
	smccc_arch_restore_defaults(1);
	assert_int_equal(calls_of(SMCCC_ARCH_WORKAROUND_2, 1), 1);
}

static void a_mitigation_the_zone_enabled_again_needs_nothing(void **state)
{
	(void)state;
	boot(dynamic_ssbd);
	smccc_arch_workaround(3, SMCCC_ARCH_WORKAROUND_2, 0);
	smccc_arch_workaround(3, SMCCC_ARCH_WORKAROUND_2, 1);
	num_calls = 0;
	smccc_arch_restore_defaults(3);
	assert_int_equal(num_calls, 0);
}

/* Only w1 counts, and any non-zero value in it enables. */
static void the_argument_is_w1_and_non_zero_enables(void **state)
{
	(void)state;
	boot(dynamic_ssbd);
	smccc_arch_workaround(2, SMCCC_ARCH_WORKAROUND_2, 2);
	assert_int_equal(calls_of(SMCCC_ARCH_WORKAROUND_2, 1), 1);
	smccc_arch_workaround(2, SMCCC_ARCH_WORKAROUND_2, 1ULL << 32);
	assert_int_equal(calls_of(SMCCC_ARCH_WORKAROUND_2, 0), 1);
	num_calls = 0;
	smccc_arch_restore_defaults(2);
	assert_int_equal(calls_of(SMCCC_ARCH_WORKAROUND_2, 1), 1);
}

/* A cortex-a72 under Trusted Firmware: the mitigation is always on. */
static void a_mitigation_the_firmware_keeps_on_is_not_supported(void **state)
{
	struct firmware always_on = dynamic_ssbd;

	(void)state;
	always_on.workaround_2 = NOT_REQUIRED;
	boot(always_on);
	assert_int_equal(smccc_arch_features(SMCCC_ARCH_WORKAROUND_2), NOT_REQUIRED);
	assert_int_equal(smccc_arch_workaround(2, SMCCC_ARCH_WORKAROUND_2, 0), NOT_SUPPORTED);
	smccc_arch_restore_defaults(2);
	assert_int_equal(calls_of(SMCCC_ARCH_WORKAROUND_2, 0) + calls_of(SMCCC_ARCH_WORKAROUND_2, 1),
			 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(without_smccc_1_1_every_workaround_is_not_supported),
		cmocka_unit_test(a_disabled_mitigation_is_enabled_before_the_cpus_next_vcpu),
		cmocka_unit_test(only_the_cpu_whose_zone_disabled_it_is_restored),
		cmocka_unit_test(a_mitigation_the_zone_enabled_again_needs_nothing),
		cmocka_unit_test(the_argument_is_w1_and_non_zero_enables),
		cmocka_unit_test(a_mitigation_the_firmware_keeps_on_is_not_supported),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
