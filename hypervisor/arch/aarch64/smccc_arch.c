/* The Spectre workarounds (SMCCC_ARCH_WORKAROUND_1/2/3) are what the
 * machine's firmware does about them: invalidating a cortex-a72's branch
 * predictor (variant 2) takes EL3, and so does its load-pass-store control
 * (variant 4). A zone owns its CPUs alone, so the hypervisor passes the
 * firmware's answer for the calling CPU through, and a zone's call runs the
 * firmware's workaround on that CPU. Firmware without SMCCC 1.1 (QEMU's
 * built-in PSCI) has none: the zone is told NOT_SUPPORTED, which is the
 * truth, and does not mistake itself for mitigated. The hypervisor adds no
 * workaround of its own on exits: no other zone runs on the CPU.
 *
 * WORKAROUND_1 and 3 are actions; WORKAROUND_2 is a setting the firmware
 * keeps per CPU: the speculative store bypass mitigation, enabled at the
 * CPU's reset, disabled by a call with 0. So that no zone inherits another's
 * disabled mitigation, the hypervisor remembers per physical CPU that a zone
 * disabled it and enables it again before the CPU's next vCPU starts, as a
 * firmware CPU_ON would: after a change of zone, and after a CPU_OFF and
 * CPU_ON inside the zone. */
#include <asm/smccc.h>
#include <asm/smccc_arch.h>

#include <stdbool.h>

#include "platform.h"

#define SSBD_ENABLE 1

static bool firmware_has_smccc_1_1;
/* Written only by the CPU itself. */
static bool ssbd_disabled[MAX_CPUS];

/* Only PSCI 1.0's PSCI_FEATURES may be asked about SMCCC_VERSION: an SMC
 * the firmware does not implement can be undefined at EL2 (QEMU's built-in
 * PSCI), and that would stop the hypervisor. Every CPU asks the same
 * firmware. */
void smccc_arch_probe_firmware(void)
{
	firmware_has_smccc_1_1 = firmware_call(PSCI_VERSION, 0, 0, 0) >= PSCI_VERSION_1_0 &&
				 firmware_call(PSCI_FEATURES, SMCCC_VERSION, 0, 0) == PSCI_SUCCESS &&
				 firmware_call(SMCCC_VERSION, 0, 0, 0) >= SMCCC_VERSION_1_1;
}

static bool is_arch_workaround(uint64_t fid)
{
	return fid == SMCCC_ARCH_WORKAROUND_1 || fid == SMCCC_ARCH_WORKAROUND_2 ||
	       fid == SMCCC_ARCH_WORKAROUND_3;
}

int64_t smccc_arch_features(uint64_t fid)
{
	if (fid == SMCCC_VERSION || fid == SMCCC_ARCH_FEATURES)
		return SMCCC_SUCCESS;
	if (is_arch_workaround(fid) && firmware_has_smccc_1_1)
		return firmware_call(SMCCC_ARCH_FEATURES, fid, 0, 0);
	return SMCCC_NOT_SUPPORTED;
}

/* WORKAROUND_2's argument (w1: an SMC32 call) disables the mitigation when
 * 0 and enables it otherwise; the others take none. */
int64_t smccc_arch_workaround(unsigned cpu, uint64_t fid, uint64_t arg)
{
	bool enable = (uint32_t)arg != 0;

	if (smccc_arch_features(fid) < 0)
		return SMCCC_NOT_SUPPORTED;
	if (fid != SMCCC_ARCH_WORKAROUND_2) {
		firmware_call(fid, 0, 0, 0);
		return SMCCC_SUCCESS;
	}
	firmware_call(fid, enable ? SSBD_ENABLE : 0, 0, 0);
	ssbd_disabled[cpu] = !enable;
	return SMCCC_SUCCESS;
}

void smccc_arch_restore_defaults(unsigned cpu)
{
	if (!ssbd_disabled[cpu])
		return;
	firmware_call(SMCCC_ARCH_WORKAROUND_2, SSBD_ENABLE, 0, 0);
	ssbd_disabled[cpu] = false;
}
