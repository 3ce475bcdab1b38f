/* A CPU given to a zone must hold nothing of the zone that had it before
 * (README, "What a zone reaches of its CPU"). The probe checks the registers
 * a zone can write and the next one read, first thing at its start, and
 * leaves a marker in each before it spins; zone0 starts it twice on the same
 * CPU (tests/system/test_zone_lifecycle.py), so the second run reads what
 * the hypervisor made of the first one's markers.
 *
 * A register the CPU lacks (an undefined instruction) or that keeps nothing
 * written to it (QEMU's stand-ins for the debug communication channel) is
 * reported as SKIP: there is nothing to leave in it. Those written through
 * the OS Lock's save/restore view (MDSCR_EL1's full flags, OSDTRRX_EL1,
 * OSDTRTX_EL1, OSECCR_EL1) are written with the OS Lock locked; unlocking it
 * is the last marker. */
#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "exception.h"
#include "print.h"
#include "smccc.h"
#include "smccc_check.h"
#include "cpu_state_check.h"

#define MARKER        0x50524f4250524f42UL /* "PROBPROB" */
#define MARKER32      0x50524f42UL

#define OSLSR_OSLK    (1UL << 1)
#define MDSCR_TDCC    (1UL << 12)
#define MDSCR_TXFULL  (1UL << 29)
#define MDSCR_RXFULL  (1UL << 30)
#define MDCCINT_TX_RX (3UL << 29)
#define CNTKCTL_EL0VCTEN_EL0PCTEN 3UL
#define PMUSERENR_EN  1UL

/* Each register by name; a read of one the CPU lacks returns 0. */
#define READER(reg) \
	static uint64_t read_##reg(void) \
	{ \
		uint64_t value = 0; \
		__asm__ volatile("mrs %0, " #reg : "+r"(value) : : "memory"); \
		return value; \
	}
#define WRITER(reg) \
	static void write_##reg(uint64_t value) \
	{ \
		__asm__ volatile("msr " #reg ", %0\n\tisb" : : "r"(value) : "memory"); \
	}
#define ACCESSORS(reg) READER(reg) WRITER(reg)

ACCESSORS(tpidr_el0)
ACCESSORS(tpidrro_el0)
ACCESSORS(tpidr_el1)
ACCESSORS(contextidr_el1)
ACCESSORS(cntkctl_el1)
ACCESSORS(cntv_cval_el0)
ACCESSORS(pmuserenr_el0)
ACCESSORS(pmselr_el0)
ACCESSORS(mdscr_el1)
ACCESSORS(dbgbvr0_el1)
ACCESSORS(dbgbcr0_el1)
ACCESSORS(dbgwvr0_el1)
ACCESSORS(dbgwcr0_el1)
ACCESSORS(mdccint_el1)
ACCESSORS(osdtrrx_el1)
ACCESSORS(osdtrtx_el1)
ACCESSORS(oseccr_el1)
WRITER(dbgclaimset_el1)
READER(dbgclaimclr_el1)
WRITER(oslar_el1)
READER(oslsr_el1)

/* The OS Lock is set through OSLAR_EL1 and seen in OSLSR_EL1.OSLK. */
static uint64_t read_os_lock(void)
{
	return read_oslsr_el1() & OSLSR_OSLK;
}

static void write_os_lock(uint64_t locked)
{
	write_oslar_el1(locked ? 1 : 0);
}

struct cpu_register {
	const char *name;
	const char *check;
	uint64_t (*read)(void);
	void (*write)(uint64_t);
	uint64_t reset;
	uint64_t marker;
};

#define REGISTER(name, read, write, reset, marker) \
	{ name, name " holds its reset value at the zone's start", read, write, reset, marker }
#define SYSREG(reg, name, reset, marker) REGISTER(name, read_##reg, write_##reg, reset, marker)

/* In the order they are left behind: the OS Lock's save/restore views
 * first, while it is locked, the OS Lock itself last. */
static const struct cpu_register registers[] = {
	SYSREG(mdscr_el1, "MDSCR_EL1", 0, MDSCR_TDCC | MDSCR_TXFULL | MDSCR_RXFULL),
	SYSREG(osdtrrx_el1, "OSDTRRX_EL1", 0, MARKER32),
	SYSREG(osdtrtx_el1, "OSDTRTX_EL1", 0, MARKER32),
	SYSREG(oseccr_el1, "OSECCR_EL1", 0, 0xff),
	SYSREG(mdccint_el1, "MDCCINT_EL1", 0, MDCCINT_TX_RX),
	REGISTER("the claim tags", read_dbgclaimclr_el1, write_dbgclaimset_el1, 0, 0xff),
	SYSREG(dbgbvr0_el1, "DBGBVR0_EL1", 0, 0x50000000),
	/* Byte address select and privilege, but not enabled. */
	SYSREG(dbgbcr0_el1, "DBGBCR0_EL1", 0, 0x1e6),
	SYSREG(dbgwvr0_el1, "DBGWVR0_EL1", 0, 0x50001000),
	SYSREG(dbgwcr0_el1, "DBGWCR0_EL1", 0, 0x1ffe),
	SYSREG(tpidr_el0, "TPIDR_EL0", 0, MARKER),
	SYSREG(tpidrro_el0, "TPIDRRO_EL0", 0, MARKER),
	SYSREG(tpidr_el1, "TPIDR_EL1", 0, MARKER),
	SYSREG(contextidr_el1, "CONTEXTIDR_EL1", 0, MARKER32),
	SYSREG(cntkctl_el1, "CNTKCTL_EL1", 0, CNTKCTL_EL0VCTEN_EL0PCTEN),
	SYSREG(cntv_cval_el0, "CNTV_CVAL_EL0", 0, MARKER),
	SYSREG(pmuserenr_el0, "PMUSERENR_EL0", 0, PMUSERENR_EN),
	SYSREG(pmselr_el0, "PMSELR_EL0", 0, 3),
	REGISTER("the OS Lock", read_os_lock, write_os_lock, OSLSR_OSLK, 0),
};

#define NUM_REGISTERS (sizeof(registers) / sizeof(registers[0]))

void check_cpu_state_is_reset(void)
{
	for (unsigned i = 0; i < NUM_REGISTERS; i++) {
		const struct cpu_register *r = &registers[i];
		uint64_t value;

		exception_clear();
		value = r->read();
		if (sync_taken) {
			print("probe: SKIP %s (not implemented: ESR 0x%lx)\n", r->name, sync_esr);
			continue;
		}
		if (value != r->reset)
			check_fail(r->check, "reads 0x%lx, want 0x%lx", value, r->reset);
		else
			check_pass(r->check);
	}
}

void leave_cpu_state_behind(void)
{
	write_os_lock(1);
	for (unsigned i = 0; i < NUM_REGISTERS; i++) {
		const struct cpu_register *r = &registers[i];
		uint64_t value;

		exception_clear();
		r->write(r->marker);
		value = r->read();
		if (sync_taken)
			print("probe: SKIP leaving %s (not implemented: ESR 0x%lx)\n", r->name,
			      sync_esr);
		else if (value == r->reset)
			print("probe: SKIP leaving %s (keeps nothing: reads 0x%lx)\n", r->name, value);
		else
			print("probe: leaves %s = 0x%lx\n", r->name, value);
	}
	check_arch_workaround("SMCCC_ARCH_WORKAROUND_2(0) answers as reported",
			      SMCCC_ARCH_WORKAROUND_2, 0);
}
