#include "check.h"
#include "exception.h"
#include "exception_check.h"
#include "hvc.h"
#include "hypercall_check.h"

/* The MMU is off, so this variable's address is the physical address the
 * hypervisor must write. */
static volatile uint64_t config_magic;

void check_hypercall_returns(const char *what, uint64_t code, uint64_t arg0, uint64_t arg1,
			     long want)
{
	long ret;

	exception_clear();
	ret = hypercall(code, arg0, arg1);
	/* A hypercall that raised an exception in the guest never reached the
	 * hypervisor, whatever x0 holds afterwards. */
	if (failed_with_exception(what))
		return;
	if (ret != want)
		check_fail(what, "returned %ld, want %ld", ret, want);
	else
		check_pass(what);
}

void check_config_magic(void)
{
	const char *what = "ConfigCheck writes the config magic";
	long ret;

	exception_clear();
	config_magic = 0;
	ret = hypercall(HC_CONFIG_CHECK, (uintptr_t)&config_magic, 0);
	if (failed_with_exception(what))
		return;
	if (ret != 0 || config_magic != TESSERA_CONFIG_MAGIC)
		check_fail(what, "returned %ld, magic %lu, want 0 and %d", ret, config_magic,
			   TESSERA_CONFIG_MAGIC);
	else
		check_pass(what);
}
