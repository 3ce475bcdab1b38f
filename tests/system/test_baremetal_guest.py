"""tessera boots on 4 CPUs and runs the bare-metal test guest in zone0."""

import re

GUEST_CHECKS = [
    "ConfigCheck writes the config magic",
    "unknown hypercall returns -ENOSYS",
    "VirtioInit with a page outside RAM returns -EFAULT",
    "VirtioInit with an unaligned page returns -EFAULT",
    "VirtioInjectIrq with no bridge returns -ENODEV",
    "VirtioInjectIrq returns 0 as on hvisor",
    "ZoneShutdown of a zone that does not exist returns -EINVAL",
    "ZoneShutdown of zone0 returns -EINVAL",
    "read of unmapped 0x0f000000 aborts",
    "read of hypervisor image 0x40400000 aborts",
    "write of unemulated ICC_SGI0R_EL1 is undefined",
]


def test_boot_runs_guest_checks_and_powers_off(selftest_machine):
    m = selftest_machine
    m.expect(r"4 of 4 CPUs online")
    for cpu in range(4):
        assert f"[tessera cpu{cpu} INFO] CPU {cpu} online" in m.output()
    m.expect(r"zone 0 \(zone0\) created: cpus 0x3")
    m.expect(r"CPU 2 parked")
    m.expect(r"CPU 3 parked")
    summary = m.expect(r"selftest: (\d+) passed, (\d+) failed")
    assert m.wait_exit() == 0

    console = m.output()
    # Exit counters are only in the STATS=1 image (test_exit_stats.py).
    assert "exit counters" not in console
    for check in GUEST_CHECKS:
        assert f"selftest: PASS {check}" in console
    assert "FAIL" not in console
    assert summary.group(2) == "0"
    timing = re.search(r"hypercall round trip (\d+) ns/call", console)
    assert timing, "the guest must report the hypercall round trip"
    print(f"\nnull hypercall round trip: {timing.group(1)} ns")


def test_guest_faults_are_logged_and_the_hypervisor_stays_up(selftest_machine):
    m = selftest_machine
    m.expect(r"zone 0 vcpu 0: unhandled read at 0xf000000 \(pc 0x[0-9a-f]+\)")
    m.expect(r"zone 0 vcpu 0: unhandled read at 0x40400000 \(pc 0x[0-9a-f]+\)")
    m.expect(r"zone 0 vcpu 0: write of system register op0=3 op1=0 CRn=12 CRm=11 op2=7 .* "
             r"undefined instruction \(logged once\)")
    m.expect(r"selftest: \d+ passed, 0 failed")
    assert m.wait_exit() == 0
