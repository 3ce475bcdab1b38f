"""The riscv64 zone probe (guests/zoneprobe-riscv64) as zone1 on harts 2
and 3 while zone0 Linux runs on harts 0 and 1: zone0's memory, the
hypervisor's and the firmware's, zone0's PLIC sources and contexts, zone0's
harts through the SBI and the zone0-only hypercalls are out of its reach,
and what is its own works. Then it spins with interrupts off on both harts
and zone0 shuts it down. zone1's lines reach the console through the
hypervisor as `[zone1] ...`."""

import re

import pytest

from test_zone_lifecycle import shutdown, start_zone, zone_rows

pytestmark = pytest.mark.riscv64

PROBE = "/etc/tessera/test/zone1-probe.json"
PROBE_SPINNING = r"\[zone1\] probe: spinning with interrupts off"

# One line each, in the order the probe runs them.
CHECKS = [
    "read of zone0 RAM 0x90000000 faults",
    "write of zone0 RAM 0x90000000 faults",
    "read of 0xf7fff000 below own RAM faults",
    "read of 0xf9000000 past own RAM faults",
    "read of hypervisor image 0x80200000 faults",
    "write of hypervisor image 0x80200000 faults",
    "read of firmware 0x80000000 faults",
    "read of CLINT mtime faults",
    "read of sifive_test 0x100000 faults",
    "read of zone0's UART 0x10000000 faults",
    "priority of zone0's UART source 10 reads 0",
    "priority write to source 10 is ignored",
    "pending bit of source 10 reads 0",
    "context 1 (hart 0 S): enables read 0",
    "context 1: enable and threshold writes are ignored",
    "context 1: threshold reads 0",
    "context 1: claim returns 0",
    "context 3 (hart 1 S): enables read 0",
    "context 3: enable and threshold writes are ignored",
    "context 3: threshold reads 0",
    "context 3: claim returns 0",
    "own hart's M context: enable write is ignored",
    "own source 40 and S context start at reset values",
    "own source 40: priority keeps 5",
    "own S context: enable of source 40 sticks",
    "own S context: threshold keeps 3",
    "own S context: claim with nothing pending returns 0",
    "ZoneStart returns -EPERM",
    "ZoneShutdown of zone 0 returns -EPERM",
    "ConfigCheck writes the config magic",
    "ZoneList into own RAM lists zone0 and more",
    "ZoneList into zone0 RAM returns -EFAULT",
    "unknown hypercall returns -ENOSYS",
    "SBI spec version is 0.2 or later",
    "probe_extension(HSM) answers 1",
    "probe_extension(0x114514, hypercalls) answers 1",
    "probe_extension(unknown) answers 0",
    "unknown extension returns NOT_SUPPORTED",
    "hart_start of zone0's hart 0 returns INVALID_PARAM",
    "hart_get_status of zone0's hart 1 returns INVALID_PARAM",
    "send_ipi to zone0's hart 0 returns INVALID_PARAM",
    "send_ipi to harts 1 and 3 returns INVALID_PARAM",
    "remote_fence_i on zone0's hart 1 returns INVALID_PARAM",
    "hart_get_status of own hart 3 is STOPPED",
    "hart_start of own hart 3 runs it",
    "hart_get_status of own hart 3 is STARTED",
    "hart_start of running hart 3 returns ALREADY_AVAILABLE",
    "send_ipi to own hart 3 reaches it",
    "remote_fence_i on every own hart succeeds",
]


def probe_run(m):
    """Starts the probe, waits for it to spin and returns its console text."""
    begin = len(m.output())
    out = start_zone(m, PROBE, PROBE_SPINNING)
    assert "zone 1 (zone1) started on CPUs 2, 3" in out, out
    return m.output()[begin:]


def assert_all_passed(run):
    assert "[zone1] probe: start on hart 2" in run, run[-3000:]
    missing = [check for check in CHECKS if f"[zone1] probe: PASS {check}" not in run]
    assert not missing, f"missing: {missing}\n{run[-3000:]}"
    assert "probe: FAIL" not in run, run[-3000:]
    summary = re.search(r"\[zone1\] probe: (\d+) passed, (\d+) failed", run)
    assert summary and summary.groups() == (str(len(CHECKS)), "0"), run[-3000:]


def assert_hypervisor_unharmed(m):
    console = m.output()
    assert "PANIC" not in console and "hypervisor fault" not in console, m.tail()
    assert not re.search(r"CPU \d+ stopped", console), m.tail()


def test_a_zone_cannot_reach_zone0_or_the_hypervisor_and_stops_while_spinning(riscv64_zone0):
    m = riscv64_zone0
    run = probe_run(m)
    assert_all_passed(run)
    assert_hypervisor_unharmed(m)
    # The probe wrote to zone0's PLIC contexts (enable 0, threshold 7):
    # zone0's console interrupt must still come, or the shell would not answer.
    assert m.run("echo $((6 * 7))").strip() == "42"
    assert zone_rows(m) == {0: ("0, 1", "zone0", "running"), 1: ("2, 3", "zone1", "running")}

    # Both harts spin with interrupts off: the stop needs nothing from them.
    shutdown(m)
    assert zone_rows(m) == {0: ("0, 1", "zone0", "running")}
    assert m.run("echo $((6 * 7))").strip() == "42"
    assert "riscv-timer" in m.run("cat /proc/interrupts")
    assert_hypervisor_unharmed(m)


def test_the_probe_finds_its_zone_at_reset_values_when_started_again(riscv64_zone0):
    """A second start of the zone on the same harts: hart 3 is stopped
    again until the probe starts it, its PLIC source and context are back
    at their reset values, and every check passes as the first time."""
    m = riscv64_zone0
    for _ in range(2):
        assert_all_passed(probe_run(m))
        shutdown(m)
    assert m.run("echo $((6 * 7))").strip() == "42"
    assert_hypervisor_unharmed(m)
