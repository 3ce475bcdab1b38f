/* SBI Base extension: the interface's version, its implementation, what it
 * offers (probe_extension answers as the dispatch would), and the
 * machine's identity, passed on from the firmware: guests apply errata by
 * it. */
#include <asm/sbi_call.h>
#include <asm/sbi_guest.h>

#define SPEC_VERSION_1_0 (1UL << 24)
/* Not in the specification's registry of implementation IDs: ASCII "TESS". */
#define IMPL_ID_TESSERA  0x54455353UL
#define IMPL_VERSION     1UL

struct sbiret sbi_base_handle(struct vcpu *vcpu, uint64_t fid, struct trap_frame *f)
{
	(void)vcpu;
	switch (fid) {
	case SBI_BASE_GET_SPEC_VERSION:
		return (struct sbiret){ SBI_SUCCESS, SPEC_VERSION_1_0 };
	case SBI_BASE_GET_IMPL_ID:
		return (struct sbiret){ SBI_SUCCESS, IMPL_ID_TESSERA };
	case SBI_BASE_GET_IMPL_VERSION:
		return (struct sbiret){ SBI_SUCCESS, IMPL_VERSION };
	case SBI_BASE_PROBE_EXTENSION:
		return (struct sbiret){ SBI_SUCCESS, sbi_extension_available(f->x[REG_A0]) };
	case SBI_BASE_GET_MVENDORID:
		return (struct sbiret){ SBI_SUCCESS, sbi_firmware.mvendorid };
	case SBI_BASE_GET_MARCHID:
		return (struct sbiret){ SBI_SUCCESS, sbi_firmware.marchid };
	case SBI_BASE_GET_MIMPID:
		return (struct sbiret){ SBI_SUCCESS, sbi_firmware.mimpid };
	default:
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	}
}
