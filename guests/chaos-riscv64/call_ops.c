/* SBI calls with random extensions, functions and arguments, and tessera's
 * hypercalls with random codes and arguments. Calls that would end the run
 * without testing the hypervisor (system reset and shutdown, stopping or
 * suspending the zone's only hart) are replaced, as are the console's
 * writes, which would print noise. */
#include <stdint.h>

#include "hypercall.h"
#include "ops.h"
#include "prng.h"
#include "sbi.h"

#define SBI_LEGACY_SHUTDOWN 0x08
#define SBI_LEGACY_LAST     0x0f
#define SBI_EXT_TIME 0x54494d45
#define SBI_EXT_PMU  0x504d55
#define SBI_EXT_DBCN 0x4442434e
#define SBI_EXT_SUSP 0x53555350
#define SBI_EXT_CPPC 0x43505043
#define SBI_DBCN_CONSOLE_WRITE      0
#define SBI_DBCN_CONSOLE_WRITE_BYTE 2
#define SBI_HSM_HART_SUSPEND        3
#define SBI_SUSP_SYSTEM_SUSPEND     0

static const uint64_t extensions[] = {
	SBI_EXT_BASE, SBI_EXT_TIME, SBI_EXT_IPI, SBI_EXT_RFENCE, SBI_EXT_HSM, SBI_EXT_SRST,
	SBI_EXT_PMU, SBI_EXT_DBCN, SBI_EXT_SUSP, SBI_EXT_CPPC, TESSERA_ECALL_EXT,
	0x0a000000, 0x0affffff, 0x09000000, 0x09ffffff, /* vendor and firmware ranges */
};

static const uint64_t hypercall_codes[] = {
	HC_VIRTIO_INIT, HC_VIRTIO_INJECT_IRQ, HC_ZONE_START, HC_ZONE_SHUTDOWN, HC_ZONE_LIST,
	HC_IVC_INFO, HC_CONFIG_CHECK, HC_CLEAR_INJECT_IRQ, HC_ZONE_CONFIG_GET, 7, 8, 47, 49,
	0xffffffffffffffffULL, 0x8000000000000000ULL, 0x100000000ULL + HC_ZONE_LIST,
};

static uint64_t random_extension(void)
{
	switch (prng_below(8)) {
	case 0:
		return prng_below(SBI_LEGACY_LAST + 1);
	case 1:
		return prng_next();
	case 2:
		return (uint32_t)prng_next();
	default:
		return PRNG_PICK(extensions);
	}
}

static int ends_the_run(uint64_t eid, uint64_t fid)
{
	switch (eid) {
	case SBI_LEGACY_CONSOLE_PUTCHAR:
	case SBI_LEGACY_SHUTDOWN:
		return 1;
	case SBI_EXT_SRST:
		return fid == SBI_SRST_SYSTEM_RESET;
	case SBI_EXT_HSM:
		return fid == SBI_HSM_HART_STOP || fid == SBI_HSM_HART_SUSPEND;
	case SBI_EXT_SUSP:
		return fid == SBI_SUSP_SYSTEM_SUSPEND;
	case SBI_EXT_DBCN:
		return fid == SBI_DBCN_CONSOLE_WRITE || fid == SBI_DBCN_CONSOLE_WRITE_BYTE;
	default:
		return 0;
	}
}

void op_sbi(void)
{
	uint64_t eid = random_extension();
	uint64_t fid = prng_below(4) ? prng_below(8) : prng_next();

	if (ends_the_run(eid, fid)) {
		eid = SBI_EXT_BASE;
		fid = SBI_BASE_GET_SPEC_VERSION;
	}
	sbi_call(eid, fid, random_argument(), random_argument(), random_argument(),
		 random_argument(), random_argument(), random_argument());
}

void op_hypercall(void)
{
	uint64_t code = prng_below(4) ? PRNG_PICK(hypercall_codes) : prng_next();

	sbi_call(TESSERA_ECALL_EXT, prng_below(2) ? 0 : prng_next(), code, random_argument(),
		 random_argument(), random_argument(), 0, 0);
}
