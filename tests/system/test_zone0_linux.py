"""An unmodified Debian Linux runs as zone0 on CPUs 0-1."""

import re

KERNEL_PROBLEMS = re.compile(r"WARNING|BUG|Oops|rcu.*stall|Call trace", re.IGNORECASE)


def interrupt_counts(proc_interrupts, name):
    """Per-CPU counts of the /proc/interrupts line whose label or name matches."""
    for line in proc_interrupts.splitlines():
        fields = line.split()
        if fields and (fields[0] == name or name in fields[3:]):
            return [int(x) for x in fields[1:3]]
    raise AssertionError(f"no {name!r} line in:\n{proc_interrupts}")


def ipi_totals(proc_interrupts):
    totals = [0, 0]
    for line in proc_interrupts.splitlines():
        fields = line.split()
        if fields and re.fullmatch(r"IPI\d+:", fields[0]):
            totals = [t + int(c) for t, c in zip(totals, fields[1:3])]
    return totals


def test_boots_on_two_cpus_without_kernel_warnings(zone0_linux):
    m = zone0_linux
    assert m.run("nproc").strip() == "2"
    dmesg = m.run("dmesg")
    assert "Booted secondary processor" in dmesg
    for text in (m.output(), dmesg):
        problems = [l for l in text.splitlines() if KERNEL_PROBLEMS.search(l)]
        assert not problems, problems


def test_timer_and_ipis_reach_both_cpus(zone0_linux):
    m = zone0_linux
    before = m.run("cat /proc/interrupts")
    # Pinned short tasks on each CPU make the scheduler send IPIs both ways.
    m.run("for i in 1 2 3 4 5; do taskset -c 0 true; taskset -c 1 true; done; sleep 1")
    after = m.run("cat /proc/interrupts")
    timer_before, timer_after = (interrupt_counts(x, "arch_timer") for x in (before, after))
    ipi_before, ipi_after = ipi_totals(before), ipi_totals(after)
    for cpu in (0, 1):
        assert timer_after[cpu] > timer_before[cpu], (cpu, timer_before, timer_after)
        assert ipi_after[cpu] > ipi_before[cpu], (cpu, ipi_before, ipi_after)


def test_console_input_runs_commands(zone0_linux):
    assert zone0_linux.run("echo $((6 * 7))").strip() == "42"


def test_cpu1_goes_offline_and_comes_back(zone0_linux):
    m = zone0_linux
    for _ in range(2):
        m.run("echo 0 > /sys/devices/system/cpu/cpu1/online")
        assert m.run("cat /sys/devices/system/cpu/online").strip() == "0"
        m.run("echo 1 > /sys/devices/system/cpu/cpu1/online")
        assert m.run("cat /sys/devices/system/cpu/online").strip() == "0-1"
        # Work pinned to CPU 1 must run there.
        assert m.run("taskset -c 1 sh -c 'echo $((20 + 22))'").strip() == "42"
    assert m.run("nproc").strip() == "2"
    assert not KERNEL_PROBLEMS.search(m.run("dmesg"))


def test_poweroff_ends_qemu_with_status_0(zone0_linux):
    m = zone0_linux
    m.send_line("poweroff")
    m.expect(r"zone0 asked for system power-off")
    assert m.wait_exit() == 0
