#include "check.h"
#include "exception.h"
#include "exception_check.h"

bool failed_with_exception(const char *what)
{
	if (!sync_taken)
		return false;
	check_fail(what, "exception in the guest, ESR 0x%lx", sync_esr);
	return true;
}

/* The hypervisor must turn an access outside the guest's memory into a
 * synchronous external abort for the guest, not crash, hang or emulate it. */
static void check_abort_taken(const char *what, uintptr_t addr, bool is_write)
{
	uint64_t esr = sync_esr;
	uint64_t far = sync_far;
	bool wnr = (esr & ESR_WNR) != 0;

	if (ESR_EC(esr) != ESR_EC_DABT_CUR || ESR_DFSC(esr) != ESR_DFSC_SYNC_EXT || far != addr ||
	    wnr != is_write)
		check_fail(what,
			   "ESR 0x%lx: EC 0x%lx DFSC 0x%lx WnR %d FAR 0x%lx, want EC 0x%x DFSC 0x%x WnR %d FAR 0x%lx",
			   esr, ESR_EC(esr), ESR_DFSC(esr), wnr, far, ESR_EC_DABT_CUR,
			   ESR_DFSC_SYNC_EXT, is_write, (uint64_t)addr);
	else
		check_pass(what);
}

void check_read_aborts(const char *what, uintptr_t addr)
{
	uint32_t value;

	exception_clear();
	value = probe_read32(addr);
	if (!sync_taken)
		check_fail(what, "no exception, read returned 0x%x", value);
	else
		check_abort_taken(what, addr, false);
}

void check_write_aborts(const char *what, uintptr_t addr, uint32_t value)
{
	exception_clear();
	probe_write32(addr, value);
	if (!sync_taken)
		check_fail(what, "no exception, the write of 0x%x went through", value);
	else
		check_abort_taken(what, addr, true);
}
