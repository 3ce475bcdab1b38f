/* The SBI as the zone sees it. HSM, IPI and RFENCE name harts by hart id:
 * zone0's harts must be out of reach (SBI_ERR_INVALID_PARAM, nothing
 * done), the zone's own second hart must start, report its state and take
 * an IPI. */
#include <stdint.h>

#include "check.h"
#include "counter.h"
#include "fault_check.h"
#include "sbi.h"
#include "sbi_check.h"
#include "trap.h"
#include "zone.h"

#define UNKNOWN_EXTENSION 0x0a5a5a5aUL /* in no range the specification assigns */
#define TESSERA_EXTENSION 0x114514UL
#define SIP_SSIP          (1UL << 1)

void secondary_entry(void);
_Noreturn void secondary_main(uint64_t hart_id);

static uint8_t second_stack[4096] __attribute__((aligned(16)));
static volatile uint64_t second_hart_seen;  /* its hart id + 1, once it runs */
static volatile uint64_t second_ipis_seen;

/* The second hart: says it runs, then counts the IPIs it is sent, with
 * interrupts off (it polls sip), until the zone is shut down. */
_Noreturn void secondary_main(uint64_t hart_id)
{
	__atomic_store_n(&second_hart_seen, hart_id + 1, __ATOMIC_RELEASE);
	for (;;) {
		uint64_t sip;

		__asm__ volatile("csrr %0, sip" : "=r"(sip));
		if (sip & SIP_SSIP) {
			__asm__ volatile("csrc sip, %0" : : "r"(SIP_SSIP));
			__atomic_fetch_add(&second_ipis_seen, 1, __ATOMIC_RELEASE);
		}
	}
}

static void check_call(const char *what, struct sbiret ret, long want_error, long want_value)
{
	if (failed_with_exception(what))
		return;
	if (ret.error != want_error || ret.value != want_value)
		check_fail(what, "error %ld value %ld, want error %ld value %ld", ret.error, ret.value,
			   want_error, want_value);
	else
		check_pass(what);
}

static void check_base(void)
{
	const char *what = "SBI spec version is 0.2 or later";
	struct sbiret ret;

	trap_clear();
	ret = sbi_call2(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0);
	if (failed_with_exception(what))
		return;
	if (ret.error != SBI_SUCCESS || ((ret.value >> 24) == 0 && (ret.value & 0xffffff) < 2))
		check_fail(what, "error %ld value 0x%lx", ret.error, ret.value);
	else
		check_pass(what);

	trap_clear();
	check_call("probe_extension(HSM) answers 1",
		   sbi_call2(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, SBI_EXT_HSM, 0), 0, 1);
	trap_clear();
	check_call("probe_extension(0x114514, hypercalls) answers 1",
		   sbi_call2(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, TESSERA_EXTENSION, 0), 0, 1);
	trap_clear();
	check_call("probe_extension(unknown) answers 0",
		   sbi_call2(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, UNKNOWN_EXTENSION, 0), 0, 0);
	trap_clear();
	check_call("unknown extension returns NOT_SUPPORTED",
		   sbi_call2(UNKNOWN_EXTENSION, 0, 0, 0), SBI_ERR_NOT_SUPPORTED, 0);
}

static struct sbiret hart_start(uint64_t hart, uint64_t opaque)
{
	return sbi_call(SBI_EXT_HSM, SBI_HSM_HART_START, hart, (uintptr_t)secondary_entry, opaque,
			0, 0, 0);
}

static struct sbiret hart_status(uint64_t hart)
{
	return sbi_call2(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, hart, 0);
}

static void check_zone0_harts(void)
{
	trap_clear();
	check_call("hart_start of zone0's hart 0 returns INVALID_PARAM",
		   hart_start(ZONE0_HART0, (uintptr_t)(second_stack + sizeof(second_stack))),
		   SBI_ERR_INVALID_PARAM, 0);
	trap_clear();
	check_call("hart_get_status of zone0's hart 1 returns INVALID_PARAM",
		   hart_status(ZONE0_HART1), SBI_ERR_INVALID_PARAM, 0);
	trap_clear();
	check_call("send_ipi to zone0's hart 0 returns INVALID_PARAM",
		   sbi_call2(SBI_EXT_IPI, SBI_IPI_SEND_IPI, 1UL << ZONE0_HART0, 0),
		   SBI_ERR_INVALID_PARAM, 0);
	trap_clear();
	check_call("send_ipi to harts 1 and 3 returns INVALID_PARAM",
		   sbi_call2(SBI_EXT_IPI, SBI_IPI_SEND_IPI, 1UL << ZONE0_HART1 | 1UL << SECOND_HART,
			     0),
		   SBI_ERR_INVALID_PARAM, 0);
	trap_clear();
	check_call("remote_fence_i on zone0's hart 1 returns INVALID_PARAM",
		   sbi_call2(SBI_EXT_RFENCE, SBI_RFENCE_FENCE_I, 1UL << ZONE0_HART1, 0),
		   SBI_ERR_INVALID_PARAM, 0);
}

/* Waits for a counter of the second hart's to pass `least`. */
static int wait_for(volatile uint64_t *counter, uint64_t least)
{
	uint64_t deadline = counter_deadline_in_ms(EXPECTED_WAIT_MS);

	while (__atomic_load_n(counter, __ATOMIC_ACQUIRE) < least)
		if (counter_ticks() > deadline)
			return 0;
	return 1;
}

static void check_second_hart(void)
{
	const char *what = "hart_start of own hart 3 runs it";
	uint64_t stack_top = (uintptr_t)(second_stack + sizeof(second_stack));
	struct sbiret ret;

	trap_clear();
	check_call("hart_get_status of own hart 3 is STOPPED", hart_status(SECOND_HART),
		   SBI_SUCCESS, SBI_HSM_STATE_STOPPED);

	trap_clear();
	ret = hart_start(SECOND_HART, stack_top);
	if (failed_with_exception(what))
		return;
	if (ret.error != SBI_SUCCESS)
		check_fail(what, "error %ld", ret.error);
	else if (!wait_for(&second_hart_seen, 1) || second_hart_seen != SECOND_HART + 1)
		check_fail(what, "the hart reported 0x%lx, want hart id %u + 1", second_hart_seen,
			   SECOND_HART);
	else
		check_pass(what);

	trap_clear();
	check_call("hart_get_status of own hart 3 is STARTED", hart_status(SECOND_HART),
		   SBI_SUCCESS, SBI_HSM_STATE_STARTED);
	trap_clear();
	check_call("hart_start of running hart 3 returns ALREADY_AVAILABLE",
		   hart_start(SECOND_HART, stack_top), SBI_ERR_ALREADY_AVAILABLE, 0);

	what = "send_ipi to own hart 3 reaches it";
	trap_clear();
	ret = sbi_call2(SBI_EXT_IPI, SBI_IPI_SEND_IPI, 1UL << SECOND_HART, 0);
	if (failed_with_exception(what))
		return;
	if (ret.error != SBI_SUCCESS || !wait_for(&second_ipis_seen, 1))
		check_fail(what, "error %ld, %lu IPIs seen", ret.error, second_ipis_seen);
	else
		check_pass(what);

	trap_clear();
	check_call("remote_fence_i on every own hart succeeds",
		   sbi_call2(SBI_EXT_RFENCE, SBI_RFENCE_FENCE_I, 0, ~0UL), SBI_SUCCESS, 0);
}

void check_sbi(void)
{
	check_base();
	check_zone0_harts();
	check_second_hart();
}
