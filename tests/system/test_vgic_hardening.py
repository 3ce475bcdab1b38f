"""The virtual GIC under a hostile zone0 (the selftest guest's vgic checks):
unaligned and wrongly sized register accesses, writes at the end of a
priority array, and SPIs while the guest's distributor is disabled."""

VGIC_CHECKS = [
    "unaligned read of GICD_ISENABLER1 aborts",
    "unaligned read of GICD_PIDR2 aborts",
    "unaligned read of GICR_PIDR2 aborts",
    "unaligned write of GICR_WAKER aborts",
    "misaligned 8-byte write to GICR_IPRIORITYR7 aborts",
    "8-byte write at the end of GICR_IPRIORITYR leaves GICR_WAKER alone",
    "misaligned 8-byte write leaves the SGI/PPI priorities alone",
    "8-byte write to GICR_IPRIORITYR is ignored",
    "8-byte write to GICD_IPRIORITYR is ignored",
    "SPI stays pending while GICD_CTLR.EnableGrp1 is 0",
    "held SPI is taken once GICD_CTLR.EnableGrp1 is 1",
]


def test_vgic_checks_pass(selftest_machine):
    m = selftest_machine
    for check in VGIC_CHECKS:
        m.expect(rf"selftest: (PASS|FAIL) {check}\b[^\r\n]*")
        assert m.child.match.group(1) == "PASS", m.child.match.group(0).strip()
    m.expect(r"selftest: \d+ passed, \d+ failed")
    assert m.wait_exit() == 0


def test_unaligned_accesses_are_logged_not_forwarded(selftest_machine):
    m = selftest_machine
    m.expect(r"zone 0 vcpu 0: unhandled read at 0x8000105 \(pc 0x[0-9a-f]+\): external abort")
    m.expect(r"selftest: \d+ passed, \d+ failed")
    assert "hypervisor fault" not in m.output()
    assert m.wait_exit() == 0
