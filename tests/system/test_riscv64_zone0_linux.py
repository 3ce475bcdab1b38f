"""riscv64's zone0 Linux (Debian 13's kernel) on harts 0-1, as
test_zone0_linux.py checks aarch64's: it boots on both harts without kernel
warnings through the hypervisor's SBI, its timers (Sstc) and IPIs (SBI IPI)
reach both, the console takes input, hart 1 goes offline and comes back
through SBI HSM again and again and works afterwards, and zone0's power-off
(SBI SRST) ends QEMU. One boot for the module (its tests run in order, the
power-off last): about 20 s."""

import re

import pytest

from test_zone0_linux import KERNEL_PROBLEMS

pytestmark = pytest.mark.riscv64

HOTPLUG_ROUNDS = 5
VCPU1_STARTS = re.compile(r"zone 0 vcpu 1 starts at 0x[0-9a-f]+ \(hart 1,")


def interrupt_counts(proc_interrupts, name):
    """Per-hart counts of the /proc/interrupts line whose name ends with `name`."""
    for line in proc_interrupts.splitlines():
        if line.rstrip().endswith(name):
            return [int(n) for n in line.split()[1:3]]
    raise AssertionError(f"no {name!r} line in:\n{proc_interrupts}")


def ipi_totals(proc_interrupts):
    totals = [0, 0]
    for line in proc_interrupts.splitlines():
        fields = line.split()
        if fields and re.fullmatch(r"IPI\d+:", fields[0]):
            totals = [t + int(c) for t, c in zip(totals, fields[1:3])]
    return totals


def assert_timer_and_ipis_reach_both_harts(m):
    before = m.run("cat /proc/interrupts")
    # Pinned short tasks on each hart make the scheduler send IPIs both ways.
    m.run("for i in 1 2 3 4 5; do taskset -c 0 true; taskset -c 1 true; done; sleep 1")
    after = m.run("cat /proc/interrupts")
    timer_before, timer_after = (interrupt_counts(x, "riscv-timer") for x in (before, after))
    ipi_before, ipi_after = ipi_totals(before), ipi_totals(after)
    for hart in (0, 1):
        assert timer_after[hart] > timer_before[hart], (hart, timer_before, timer_after)
        assert ipi_after[hart] > ipi_before[hart], (hart, ipi_before, ipi_after)


def test_boots_on_two_harts_through_the_hypervisors_sbi(riscv64_zone0_shared):
    m = riscv64_zone0_shared
    assert m.run("nproc").strip() == "2"
    dmesg = m.run("dmesg")
    assert "smp: Brought up 1 node, 2 CPUs" in dmesg
    # The hypervisor's SBI, not OpenSBI's, with the extensions Linux uses.
    assert "SBI implementation ID=0x54455353" in dmesg
    for extension in ("TIME", "IPI", "RFENCE", "HSM", "SRST"):
        assert f"SBI {extension} extension detected" in dmesg, extension
    for text in (m.output(), dmesg):
        problems = [l for l in text.splitlines() if KERNEL_PROBLEMS.search(l)]
        assert not problems, problems
    assert "PANIC" not in m.output() and "hypervisor fault" not in m.output()


def test_timer_and_ipis_reach_both_harts(riscv64_zone0_shared):
    assert_timer_and_ipis_reach_both_harts(riscv64_zone0_shared)


def test_console_input_runs_commands(riscv64_zone0_shared):
    assert riscv64_zone0_shared.run("echo $((6 * 7))").strip() == "42"


def test_hart1_goes_offline_and_comes_back_through_sbi_hsm(riscv64_zone0_shared):
    """Offline: Linux's hart stops itself (HSM hart_stop); online: hart 0
    starts it again (HSM hart_start), and the hypervisor enters it afresh."""
    m = riscv64_zone0_shared
    starts = len(VCPU1_STARTS.findall(m.output()))
    for round in range(1, HOTPLUG_ROUNDS + 1):
        m.run("echo 0 > /sys/devices/system/cpu/cpu1/online")
        assert m.run("cat /sys/devices/system/cpu/online").strip() == "0"
        assert m.run("nproc").strip() == "1"
        m.run("echo 1 > /sys/devices/system/cpu/cpu1/online")
        assert m.run("cat /sys/devices/system/cpu/online").strip() == "0-1"
        assert len(VCPU1_STARTS.findall(m.output())) == starts + round, m.tail()
        # Work pinned to hart 1 runs there, and its timer ticks again.
        assert m.run("taskset -c 1 sh -c 'i=0; while [ $i -lt 2000 ]; do i=$((i + 1)); "
                     "done; echo $i'").strip() == "2000"
    assert m.run("nproc").strip() == "2"
    assert_timer_and_ipis_reach_both_harts(m)
    dmesg = m.run("dmesg")
    assert dmesg.count("CPU1: off") == HOTPLUG_ROUNDS, dmesg[-3000:]
    assert not KERNEL_PROBLEMS.search(dmesg), dmesg[-3000:]


def test_poweroff_ends_qemu_with_status_0(riscv64_zone0_shared):
    m = riscv64_zone0_shared
    m.send_line("poweroff")
    m.seen(r"zone0 asked for system power-off")
    assert m.wait_exit() == 0
