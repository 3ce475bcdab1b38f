"""tessera on riscv64 (QEMU virt, OpenSBI): all four harts online with hart 0
as CPU 0 whichever hart the firmware picked, zone0's Linux on harts 0-1 with
its timers (Sstc), IPIs (SBI) and UART interrupt (vPLIC), the hypercall
path (hvisor.ko), zone1 started and stopped, and zone0's power-off ending
QEMU. About 15 s.

Runs under `make ARCH=riscv64 test` (the riscv64 mark)."""

import re

import pytest

from qemu_machine import BOOT_TIMEOUT, Machine, build_path, guest_pkgs_path

pytestmark = pytest.mark.riscv64

ZONE0_DTB_ADDR = 0x90000000
ZONE0_KERNEL_ADDR = 0x90200000
ZONE0_INITRAMFS_ADDR = 0xa0000000


@pytest.fixture
def zone0():
    machine = Machine([
        (guest_pkgs_path("Image", arch="riscv64"), ZONE0_KERNEL_ADDR),
        (build_path("guests", "zone0.dtb", arch="riscv64"), ZONE0_DTB_ADDR),
        (build_path("guests", "zone0-initramfs.cpio", arch="riscv64"), ZONE0_INITRAMFS_ADDR),
    ], arch="riscv64")
    yield machine
    machine.close()


def interrupt_counts(machine, name):
    """Per-CPU counts of the /proc/interrupts line whose name ends with `name`."""
    for line in machine.run("cat /proc/interrupts").splitlines():
        if line.rstrip().endswith(name):
            return [int(n) for n in line.split()[1:3]]
    raise AssertionError(f"no {name!r} in /proc/interrupts")


def test_zone0_linux_runs_on_two_harts_and_zone1_starts_and_stops(zone0):
    zone0.expect(r"4 of 4 CPUs online", timeout=BOOT_TIMEOUT)
    assert re.search(r"CPU 0 online, hardware id 0x0\n", zone0.output())
    zone0.expect(r"zone0 ready", timeout=BOOT_TIMEOUT)
    zone0.expect(r"# ")
    zone0.run("stty columns 4096")

    assert "2" == zone0.run("grep -c '^processor' /proc/cpuinfo").strip()
    assert "tessera hypervisor found" in zone0.run("dmesg | grep hvisor:")
    timers, uart = interrupt_counts(zone0, "riscv-timer"), interrupt_counts(zone0, "ttyS0")
    assert all(n > 0 for n in interrupt_counts(zone0, "Function call interrupts"))
    zone0.run("taskset -c 1 sleep 1")
    assert all(b > a for a, b in zip(timers, interrupt_counts(zone0, "riscv-timer")))
    assert sum(interrupt_counts(zone0, "ttyS0")) > sum(uart)

    zone0.run("tessera zone start /etc/tessera/zone1.json", timeout=BOOT_TIMEOUT)
    zone0.seen(r"\[zone1\] zone1 ready", timeout=BOOT_TIMEOUT)
    assert re.search(r"\|\s+1 \| 2, 3 \| zone1 \| running", zone0.run("tessera zone list"))
    zone0.run("tessera zone shutdown -id 1", timeout=BOOT_TIMEOUT)
    zone0.seen(r"zone 1 \(zone1\) stopped: cpus 0xc returned")

    zone0.send_line("poweroff")
    zone0.seen(r"zone0 asked for system power-off")
    assert zone0.wait_exit() == 0
