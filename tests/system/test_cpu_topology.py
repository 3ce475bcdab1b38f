"""The hypervisor takes its CPUs from the device tree QEMU boots it with: the
same image runs zone0 Linux on -smp 2, 8 and 12 (of which it uses
MAX_CPUS, 8), waits for no CPU that does not exist, parks the CPUs no zone
owns, and refuses a zone on CPUs the machine lacks. zone0's tool checks
configs against the machine's CPUs, not the board's. Without a usable device
tree the hypervisor falls back to the board's table."""

import json
import re
import subprocess

from test_zone_lifecycle import PROBE_SPINNING, ZONE1, ZONE1_READY, shutdown, start_zone
from zone_configs import REPO, as_text

ONLINE = re.compile(r"(\d+) of (\d+) CPUs online in \d+ ms")

# QEMU fills in /memory and /chosen of a tree given with -dtb; this one has
# no /cpus.
TREE_WITHOUT_CPUS = """/dts-v1/;
/ {
	#address-cells = <2>;
	#size-cells = <2>;
	memory@40000000 { device_type = "memory"; reg = <0x0 0x40000000 0x1 0x0>; };
	chosen { };
};
"""


def assert_cpus_from_device_tree(m, cpus):
    out = m.output()
    assert f"{cpus} CPUs from the device tree" in out, out
    for cpu in range(cpus):
        assert f"CPU {cpu} online, hardware id {cpu:#x}" in out, out
    # Every CPU it started arrived, and it started (and waited for) no CPU
    # the tree does not list: one would be counted, or refused by PSCI.
    online = ONLINE.search(out)
    assert online, out
    assert online.group(1, 2) == (str(cpus), str(cpus)), online.group(0)
    assert "did not power on" not in out and "no CPUs from the device tree" not in out, out
    # zone0 keeps the two CPUs of its config, whatever the machine has.
    assert m.run("nproc").strip() == "2"


def test_two_cpus_boot_zone0_and_leave_none_for_zone1(zone0_linux_on):
    m = zone0_linux_on(cpus=2)
    assert_cpus_from_device_tree(m, 2)
    assert "parked" not in m.output()

    # The tool knows the machine's count before it loads anything ...
    out = m.run(f"tessera zone start {ZONE1}; echo status=$?")
    assert (f"{ZONE1}: cpus 0xc: CPU 2 does not exist on this machine (2 CPUs)" in out
            and "status=1" in out), out
    # ... and the hypervisor checks it again.
    out = m.run(f"tessera zone start --skip-host-checks {ZONE1}; echo status=$?")
    assert "the hypervisor refused zone 1" in out and "status=1" in out, out
    m.seen(r"zone 1: start refused: cpus 0xc: CPU 2 does not exist on this machine \(2 CPUs\)")
    assert "zone1" not in m.run("tessera zone list")


def test_eight_cpus_park_six_and_run_zone1_on_two(zone0_linux_on):
    m = zone0_linux_on(cpus=8)
    assert_cpus_from_device_tree(m, 8)
    for cpu in range(2, 8):
        assert f"CPU {cpu} parked: no zone owns it" in m.output()

    # zone1's config names QEMU's whole redistributor region, as hvisor's
    # do: the machine's 8 frames and the region's frames beyond them.
    assert "zone 1 (zone1) started on CPUs 2, 3" in start_zone(m, ZONE1, ZONE1_READY)
    shutdown(m)
    m.seen(r"zone 1 \(zone1\) stopped: cpus 0xc returned")

    # CPUs beyond the board's four, with all eight redistributor frames,
    # pass the tool's checks as they are.
    probe = json.load(open(f"{REPO}/configs/qemu-virt/zone1-probe.json"))
    probe["cpus"] = [7]
    probe["arch_config"]["gicr_size"] = "0x100000"
    m.write_file("/tmp/probe-cpu7.json", as_text(probe))
    assert m.run("tessera config check /tmp/probe-cpu7.json").strip() == \
        "/tmp/probe-cpu7.json: OK"
    assert "zone 1 (zone1) started on CPUs 7" in start_zone(m, "/tmp/probe-cpu7.json",
                                                            PROBE_SPINNING)
    shutdown(m)
    m.seen(r"zone 1 \(zone1\) stopped: cpus 0x80 returned")


def test_twelve_cpus_run_the_first_eight(zone0_linux_on):
    m = zone0_linux_on(cpus=12)
    assert ("the device tree lists 12 CPUs, more than the 8 the hypervisor supports "
            "(MAX_CPUS): CPUs beyond those stay off") in m.output()
    assert_cpus_from_device_tree(m, 8)
    assert "CPU 7 parked: no zone owns it" in m.output()
    assert "CPU 8 " not in m.output()


def test_a_tree_without_cpus_falls_back_to_the_boards_four(zone0_linux_on, tmp_path):
    dtb = tmp_path / "no-cpus.dtb"
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", str(dtb)],
                   input=TREE_WITHOUT_CPUS, text=True, check=True)
    m = zone0_linux_on(cpus=4, qemu_args=["-dtb", str(dtb)])
    out = m.output()
    assert re.search(r"no CPUs from the device tree at 0x[0-9a-f]+ "
                     r"\(it lists no CPU under /cpus\): using the board's 4", out), out
    assert ONLINE.search(out).group(1, 2) == ("4", "4"), out
    for cpu in (2, 3):
        assert f"CPU {cpu} parked: no zone owns it" in out
    assert m.run("nproc").strip() == "2"
