"""The riscv64 chaos guest (guests/chaos-riscv64) as zone1 on hart 2 while
zone0 Linux runs on harts 0-1: for each fixed seed it runs thousands of
random operations against the hypervisor (CSRs, loads and stores, SYSTEM
instructions, SBI calls, hypercalls, jumps). The hypervisor must never
fault, panic or stop a CPU, zone0 must keep answering, the hypervisor's
warnings must stay within its rate limit, and the zone must shut down.
CHAOS_SEEDS, CHAOS_FIRST_SEED and CHAOS_OPS as for test_chaos.py."""

import re
import time

import pytest

from test_chaos import GUEST_LOG_BURST, OTHER_WARNINGS, PROGRESS_EVERY, seeds_and_ops
from test_zone_lifecycle import shutdown, start_zone

pytestmark = pytest.mark.riscv64

CHAOS = "/etc/tessera/test/zone1-chaos.json"
ARGS_FILE = "/tmp/chaos.args"  # loaded into the zone by zone1-chaos.json


def run_seed(m, seed, ops):
    """Runs the chaos zone with a seed, following its progress lines to its
    done line; returns the console text of the run and its length in
    seconds."""
    m.run(f"echo 'seed={seed} ops={ops}' > {ARGS_FILE}")
    begin, started = len(m.output()), time.monotonic()
    progress = [rf"\[zone1\] chaos: seed {seed}: {n} operations"
                for n in range(PROGRESS_EVERY, ops + 1, PROGRESS_EVERY)]
    out = start_zone(m, CHAOS, rf"\[zone1\] chaos: seed {seed}, {ops} operations", *progress,
                     rf"\[zone1\] chaos: seed {seed} done, {ops} operations")
    assert "zone 1 (zone1) started on CPUs 2" in out, out
    return m.output()[begin:], time.monotonic() - started


def test_random_operations_of_a_zone_leave_the_hypervisor_and_zone0_unharmed(riscv64_zone0):
    m = riscv64_zone0
    seeds, ops = seeds_and_ops()
    for seed in seeds:
        run, seconds = run_seed(m, seed, ops)
        assert m.run("echo $((6*7))").strip() == "42"
        shutdown(m)
        console = m.output()
        assert "hypervisor fault" not in console, f"seed {seed}:\n{m.tail()}"
        assert "PANIC" not in console, f"seed {seed}:\n{m.tail()}"
        assert not re.search(r"CPU \d+ stopped", console), f"seed {seed}:\n{m.tail()}"
        assert "chaos: unexpected" not in console, f"seed {seed}:\n{m.tail()}"
        # A slow host only lengthens the run, and so the bound.
        warnings = len(re.findall(r"\[tessera cpu\d+ WARN\]", run))
        most = (int(seconds) + 2) * (GUEST_LOG_BURST + 1) + OTHER_WARNINGS
        assert warnings <= most, \
            f"seed {seed}: {warnings} hypervisor warnings in {seconds:.1f} s (at most {most})"

    assert m.run("echo $((6*7))").strip() == "42"
    assert "riscv-timer" in m.run("cat /proc/interrupts")


def test_a_zone_looping_on_system_reset_is_held_to_its_own_rate_limit(riscv64_zone0):
    """zone1 asks for an SBI system reset as soon as it boots, hundreds of
    times a second: the console shows at most a window's burst of its
    lines, then how many were held back, and zone0 stays usable (as
    test_chaos.py's PSCI SYSTEM_RESET loop)."""
    m = riscv64_zone0
    m.run(f"echo 'reset_loop=1' > {ARGS_FILE}")
    m.send_line(f"tessera zone start {CHAOS} > /tmp/zone-start.out 2>&1")
    counts = re.compile(r"zone 1: (\d+) of its lines suppressed \(over (\d+) per second\)")
    for _ in range(4):
        m.expect(counts, timeout=60)
    console = m.output()
    marks = list(counts.finditer(console))
    assert all(int(mark.group(2)) == GUEST_LOG_BURST for mark in marks), marks
    for before, after in zip(marks, marks[1:]):
        between = console[before.end():after.start()]
        restarts = between.count("zone 1 (zone1) restarted")
        lines = len(re.findall(r"zone 1 (\(zone1\) restarted|\(zone1\) asked for system reset"
                               r"|vcpu 0 starts at)", between))
        assert 1 <= restarts and lines <= 2 * GUEST_LOG_BURST, between

    # Typed only now: zone0's echo and the hypervisor's lines share the UART.
    m.send_line("tessera zone shutdown -id 1 > /tmp/zone-shutdown.out 2>&1")
    m.expect(r"zone 1 \(zone1\) stopped: cpus 0x4 returned", timeout=60)
    assert "zone 1 (zone1) started on CPUs 2" in m.run("cat /tmp/zone-start.out")
    assert "zone 1 shut down" in m.run("cat /tmp/zone-shutdown.out")
    assert m.run("echo $((6*7))").strip() == "42"
