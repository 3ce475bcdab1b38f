#include "check.h"
#include "fault_check.h"
#include "trap.h"

bool failed_with_exception(const char *what)
{
	if (!trap_taken)
		return false;
	check_fail(what, "exception in the guest, scause %lu stval 0x%lx sepc 0x%lx", trap_scause,
		   trap_stval, trap_sepc);
	return true;
}

/* The hypervisor must turn an access outside the guest's memory into an
 * access fault for the guest, as a bus error on a bare hart: not crash,
 * hang, emulate it, or leave a guest page fault the guest cannot know. */
static void check_fault_taken(const char *what, uintptr_t addr, uint64_t want_cause)
{
	if (trap_scause != want_cause || trap_stval != addr)
		check_fail(what, "scause %lu stval 0x%lx, want scause %lu stval 0x%lx", trap_scause,
			   trap_stval, want_cause, (uint64_t)addr);
	else
		check_pass(what);
}

void check_read_faults(const char *what, uintptr_t addr)
{
	uint32_t value;

	trap_clear();
	value = probe_read32(addr);
	if (!trap_taken)
		check_fail(what, "no exception, read returned 0x%x", value);
	else
		check_fault_taken(what, addr, SCAUSE_LOAD_ACCESS);
}

void check_write_faults(const char *what, uintptr_t addr, uint32_t value)
{
	trap_clear();
	probe_write32(addr, value);
	if (!trap_taken)
		check_fail(what, "no exception, the write of 0x%x went through", value);
	else
		check_fault_taken(what, addr, SCAUSE_STORE_ACCESS);
}
