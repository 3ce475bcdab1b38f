#include "check.h"
#include "guest_name.h"
#include "print.h"
#include "smccc.h"
#include "smccc_check.h"

void check_arch_workaround(const char *what, uint64_t fid, uint64_t arg)
{
	long feature = smc_call(SMCCC_ARCH_FEATURES, fid, 0, 0);
	long call = smc_call(fid, arg, 0, 0);

	print("%s: SMCCC_ARCH_FEATURES(0x%lx) = %ld, the call returns %ld\n", guest_name, fid,
	      feature, call);
	if (feature < 0 && feature != SMCCC_NOT_SUPPORTED)
		check_fail(what, "ARCH_FEATURES returned %ld", feature);
	else if (feature >= 0 ? call != 0 : call != SMCCC_NOT_SUPPORTED)
		check_fail(what, "ARCH_FEATURES %ld, but the call returned %ld", feature, call);
	else
		check_pass(what);
}
