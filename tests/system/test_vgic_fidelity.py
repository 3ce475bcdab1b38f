"""The virtual GIC's fidelity to GICv3 (Arm IHI 0069) for SGIs and
hardware-linked interrupts, checked by the selftest guest on zone0's two
vCPUs: an SGI sent while disabled, or disabled while pending, stays pending
and is taken once enabled;
GICR_ISPENDR0/ICPENDR0/ISACTIVER0/ICACTIVER0 act on the vCPU's SGIs; an SPI
or the virtual timer PPI injected hardware-linked reads pending until the
guest acknowledges it, active until its EOI, then neither."""

import re

FIDELITY_CHECKS = [
    "SGI sent to a vCPU that has it disabled reads pending in its GICR_ISPENDR0",
    "SGI sent while disabled is not taken until enabled, then taken",
    "SGI set pending through GICR_ISPENDR0 reads pending and is taken",
    "acknowledged SGI reads active, not pending, until its EOI",
    "GICR_ICPENDR0 clears a pending SGI before it is taken",
    "GICR_ISACTIVER0 and ICACTIVER0 set and clear an SGI's active state",
    "SGI disabled while pending stays pending, is not taken until enabled, then taken",
    "hardware-linked SPI waiting for the guest reads pending, not active",
    "hardware-linked SPI acknowledged by the guest reads active, not pending, until EOI",
    "hardware-linked SPI reads neither pending nor active after EOI",
    "hardware-linked virtual timer PPI waiting for the guest reads pending, not active",
    "hardware-linked virtual timer PPI acknowledged by the guest reads active, not pending, "
    "until EOI",
    "hardware-linked virtual timer PPI reads neither pending nor active after EOI",
]


def test_sgi_and_hardware_linked_state_is_the_architectures(selftest_machine):
    m = selftest_machine
    lines = [m.expect(rf"selftest: (?:PASS|FAIL) {re.escape(check)}(?: \([^\r\n]*\))?\r?\n")
             .group(0).strip() for check in FIDELITY_CHECKS]
    m.expect(r"selftest: \d+ passed, \d+ failed")
    assert m.wait_exit() == 0
    failed = [line for line in lines if not line.startswith("selftest: PASS ")]
    assert not failed, "\n".join(failed)
    console = m.output()
    assert "hypervisor fault" not in console and "PANIC" not in console
