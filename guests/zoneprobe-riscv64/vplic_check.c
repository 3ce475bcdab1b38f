/* The virtual PLIC: a zone sees only its own sources and its own harts' S
 * contexts; everything else reads 0 and ignores writes. Had one of the
 * writes below reached the PLIC, zone0 would lose its console interrupt
 * (the system test types at zone0's shell afterwards). */
#include <stdint.h>

#include "check.h"
#include "fault_check.h"
#include "plic.h"
#include "trap.h"
#include "vplic_check.h"
#include "zone.h"

/* A register of another zone's must read as 0 and raise nothing. */
static void check_reads_zero(const char *what, uint32_t value)
{
	if (failed_with_exception(what))
		return;
	if (value != 0)
		check_fail(what, "read 0x%x", value);
	else
		check_pass(what);
}

static void check_reads(const char *what, uint32_t value, uint32_t want)
{
	if (failed_with_exception(what))
		return;
	if (value != want)
		check_fail(what, "read 0x%x, want 0x%x", value, want);
	else
		check_pass(what);
}

static void check_zone0_source(void)
{
	trap_clear();
	check_reads_zero("priority of zone0's UART source 10 reads 0",
			 probe_read32(plic_priority(ZONE0_UART_SOURCE)));
	trap_clear();
	probe_write32(plic_priority(ZONE0_UART_SOURCE), 7);
	check_reads_zero("priority write to source 10 is ignored",
			 probe_read32(plic_priority(ZONE0_UART_SOURCE)));
	trap_clear();
	check_reads_zero("pending bit of source 10 reads 0",
			 probe_read32(plic_pending(ZONE0_UART_SOURCE)) & plic_bit(ZONE0_UART_SOURCE));
}

/* Each name is built by hand: print has no %s into a buffer. */
static void check_zone0_context(unsigned context, const char *enable_what,
				const char *enable_write_what, const char *threshold_what,
				const char *claim_what)
{
	trap_clear();
	check_reads_zero(enable_what, probe_read32(plic_enable(context, ZONE0_UART_SOURCE)));
	trap_clear();
	probe_write32(plic_enable(context, ZONE0_UART_SOURCE), 0);
	probe_write32(plic_threshold(context), 7);
	check_reads_zero(enable_write_what,
			 probe_read32(plic_enable(context, ZONE0_UART_SOURCE)) |
			 probe_read32(plic_threshold(context)));
	trap_clear();
	check_reads_zero(threshold_what, probe_read32(plic_threshold(context)));
	trap_clear();
	check_reads_zero(claim_what, probe_read32(plic_claim(context)));
}

static void check_own_m_context(unsigned hart)
{
	unsigned context = plic_m_context(hart);

	trap_clear();
	probe_write32(plic_enable(context, OWN_SOURCE), plic_bit(OWN_SOURCE));
	check_reads_zero("own hart's M context: enable write is ignored",
			 probe_read32(plic_enable(context, OWN_SOURCE)));
}

/* What Linux's PLIC driver does at boot, on the zone's own source and
 * context. They are left set: the zone's next start must find them at
 * their reset values again (the first check). */
static void check_own_context(unsigned hart)
{
	unsigned context = plic_s_context(hart);

	trap_clear();
	check_reads_zero("own source 40 and S context start at reset values",
			 probe_read32(plic_threshold(context)) |
			 probe_read32(plic_enable(context, OWN_SOURCE)) |
			 probe_read32(plic_priority(OWN_SOURCE)));
	trap_clear();
	probe_write32(plic_priority(OWN_SOURCE), 5);
	check_reads("own source 40: priority keeps 5", probe_read32(plic_priority(OWN_SOURCE)), 5);
	trap_clear();
	probe_write32(plic_enable(context, OWN_SOURCE), plic_bit(OWN_SOURCE));
	check_reads("own S context: enable of source 40 sticks",
		    probe_read32(plic_enable(context, OWN_SOURCE)), plic_bit(OWN_SOURCE));
	trap_clear();
	probe_write32(plic_threshold(context), 3);
	check_reads("own S context: threshold keeps 3", probe_read32(plic_threshold(context)), 3);
	trap_clear();
	check_reads_zero("own S context: claim with nothing pending returns 0",
			 probe_read32(plic_claim(context)));
}

void check_vplic(unsigned hart)
{
	check_zone0_source();
	check_zone0_context(plic_s_context(ZONE0_HART0),
			    "context 1 (hart 0 S): enables read 0",
			    "context 1: enable and threshold writes are ignored",
			    "context 1: threshold reads 0",
			    "context 1: claim returns 0");
	check_zone0_context(plic_s_context(ZONE0_HART1),
			    "context 3 (hart 1 S): enables read 0",
			    "context 3: enable and threshold writes are ignored",
			    "context 3: threshold reads 0",
			    "context 3: claim returns 0");
	check_own_m_context(hart);
	check_own_context(hart);
}
