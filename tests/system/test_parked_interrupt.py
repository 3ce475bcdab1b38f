"""A zone's level-triggered interrupt, asserted and routed to one of its
vCPUs while that vCPU is powered off, must not keep the vCPU's CPU busy at
EL2 (CPU_ON of the vCPU would stay ON_PENDING for good) nor be lost: the
selftest guest in zone0 checks that vCPU 1 powers on and receives it."""

CHECK = "level interrupt routed to an off vCPU: its CPU_ON completes, it receives it"


def test_interrupt_for_an_off_vcpu_waits_for_it_and_does_not_hold_up_its_power_on(
        selftest_machine):
    m = selftest_machine
    line = m.expect(r"selftest: (PASS|FAIL) level interrupt routed to an off vCPU.*\r?\n").group(0)
    assert f"selftest: PASS {CHECK}" in line, line
    m.seen(r"zone 0 vcpu 1 starts at 0x[0-9a-f]+")
    m.expect(r"selftest: \d+ passed, \d+ failed")
    assert m.wait_exit() == 0
    console = m.output()
    assert "hypervisor fault" not in console and "PANIC" not in console
