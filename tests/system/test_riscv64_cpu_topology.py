"""riscv64's hypervisor takes its harts from the device tree OpenSBI passes
on, as test_cpu_topology.py checks aarch64's: the same image runs zone0
Linux on -smp 2, 8 and 12 (of which it uses MAX_CPUS, 8), hart 0 is CPU 0
whichever hart OpenSBI's lottery picked, the harts no zone owns are
parked, and a zone on harts the machine lacks is refused. One boot per
test: about 40 s."""

import re

import pytest

from conftest import boot_riscv64_zone0
from test_cpu_topology import ONLINE
from test_zone_lifecycle import ZONE1, ZONE1_READY, shutdown, start_zone, zone_rows

pytestmark = pytest.mark.riscv64


@pytest.fixture
def zone0_on_harts():
    machines = []

    def boot(cpus):
        machines.append(boot_riscv64_zone0(cpus))
        return machines[-1]

    yield boot
    for machine in machines:
        machine.close()


def assert_harts_from_device_tree(m, harts):
    out = m.output()
    assert f"{harts} CPUs from the device tree" in out, out
    for hart in range(harts):
        assert f"CPU {hart} online, hardware id {hart:#x}" in out, out
    online = ONLINE.search(out)
    assert online, out
    assert online.group(1, 2) == (str(harts), str(harts)), online.group(0)
    assert "did not power on" not in out and "no CPUs from the device tree" not in out, out
    assert m.run("nproc").strip() == "2"


def test_two_harts_boot_zone0_and_leave_none_for_zone1(zone0_on_harts):
    m = zone0_on_harts(2)
    assert_harts_from_device_tree(m, 2)
    assert "parked" not in m.output()

    # zone0's tool knows only the board's four harts on riscv64 (zone0's
    # config does not tell it the machine's count): the hypervisor refuses.
    out = m.run(f"tessera zone start --skip-host-checks {ZONE1}; echo status=$?")
    assert "the hypervisor refused zone 1" in out and "status=1" in out, out
    m.seen(r"zone 1: start refused: cpus 0xc: CPU 2 does not exist on this machine \(2 CPUs\)")
    out = m.run(f"tessera zone start {ZONE1}; echo status=$?")
    assert "the hypervisor refused zone 1" in out and "status=1" in out, out
    assert zone_rows(m) == {0: ("0, 1", "zone0", "running")}
    assert m.run("echo $((6 * 7))").strip() == "42"


def test_eight_harts_park_six_and_run_zone1_on_two(zone0_on_harts):
    m = zone0_on_harts(8)
    assert_harts_from_device_tree(m, 8)
    for hart in range(2, 8):
        assert f"CPU {hart} parked: no zone owns it" in m.output()

    assert "zone 1 (zone1) started on CPUs 2, 3" in start_zone(m, ZONE1, ZONE1_READY)
    assert zone_rows(m) == {0: ("0, 1", "zone0", "running"), 1: ("2, 3", "zone1", "running")}
    shutdown(m)
    assert re.search(r"zone 1 \(zone1\) stopped: cpus 0xc returned", m.output())


def test_twelve_harts_run_the_first_eight(zone0_on_harts):
    m = zone0_on_harts(12)
    assert ("the device tree lists 12 CPUs, more than the 8 the hypervisor supports "
            "(MAX_CPUS): CPUs beyond those stay off") in m.output()
    assert_harts_from_device_tree(m, 8)
    assert "CPU 7 parked: no zone owns it" in m.output()
    assert "CPU 8 " not in m.output()
