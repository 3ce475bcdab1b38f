"""The chaos guest (guests/chaos) as zone1 on CPU 2 while zone0 Linux runs on
CPUs 0-1: for each fixed seed it runs thousands of random operations against
the hypervisor. The hypervisor must never fault, panic or stop a CPU, zone0
must keep answering, the hypervisor's warnings must stay within its rate
limit, and the zone must shut down. `make fuzz` runs more seeds, longer
(CHAOS_SEEDS: how many, from CHAOS_FIRST_SEED; CHAOS_OPS: operations each).
A seed that once broke something belongs in SEEDS."""

import os
import re
import time

CHAOS = "/etc/tessera/test/zone1-chaos.json"
ARGS_FILE = "/tmp/chaos.args"  # loaded into the zone by zone1-chaos.json
SEEDS = (1, 2, 3)
OPS = 20000
# TCG runs a few thousand operations a second; this leaves ample room.
SECONDS_PER_1000_OPS = 3
# The hypervisor lets each zone cause 10 log lines a second (only zone1 does
# here) and says once per second how many it dropped. One second of ours can
# overlap two of its windows: 2 * (10 + 1), and a little for lines that are
# not the guest's.
MAX_WARNINGS_PER_SECOND = 25
# hypervisor/include/log.h
GUEST_LOG_BURST = 10


class TimedRecorder:
    """Keeps the Machine's console log and the time each piece arrived."""

    def __init__(self, sink):
        self.sink = sink
        self.pieces = []

    def write(self, data):
        self.sink.append(data)
        self.pieces.append((time.monotonic(), data))

    def flush(self):
        pass

    def line_times(self):
        """(arrival time, line) for every complete line."""
        lines, partial = [], ""
        for when, data in self.pieces:
            parts = (partial + data.replace("\r", "")).split("\n")
            partial = parts.pop()
            lines += [(when, line) for line in parts]
        return lines


def most_in_one_second(times):
    most, first = 0, 0
    for last, now in enumerate(times):
        while now - times[first] >= 1.0:
            first += 1
        most = max(most, last - first + 1)
    return most


def warnings_in_one_second(recorder):
    return most_in_one_second([when for when, line in recorder.line_times()
                               if re.search(r"\[tessera cpu\d+ WARN\]", line)])


def seeds_and_ops():
    if "CHAOS_SEEDS" not in os.environ:
        return SEEDS, OPS
    first = int(os.environ.get("CHAOS_FIRST_SEED", "100"))
    count = int(os.environ["CHAOS_SEEDS"])
    return tuple(range(first, first + count)), int(os.environ.get("CHAOS_OPS", OPS))


def run_seed(m, seed, ops):
    """Starts the chaos zone with a seed and waits for its done line; the
    tool's output goes to a file, as zone0 and the zone share the UART."""
    m.run(f"echo 'seed={seed} ops={ops}' > {ARGS_FILE}")
    m.send_line(f"tessera zone start {CHAOS} > /tmp/zone-start.out 2>&1")
    m.expect(rf"\[zone1\] chaos: seed {seed}, {ops} operations", timeout=60)
    m.expect(rf"\[zone1\] chaos: seed {seed} done, {ops} operations",
             timeout=60 + ops // 1000 * SECONDS_PER_1000_OPS)
    out = m.run("cat /tmp/zone-start.out")
    assert "zone 1 (zone1) started on CPUs 2" in out, out


def shutdown(m):
    stopped = re.compile(r"zone 1 \(zone1\) stopped: cpus 0x4 returned")
    before = len(stopped.findall(m.output()))
    out = m.run("tessera zone shutdown -id 1", timeout=60)
    assert "zone 1 shut down" in out, out
    assert len(stopped.findall(m.output())) == before + 1, m.tail()


def test_a_zone_looping_on_system_reset_is_held_to_its_own_rate_limit(zone0_linux):
    """zone1 asks for SYSTEM_RESET as soon as it boots, hundreds of times a
    second: the console shows at most a window's burst of its lines, then how
    many were held back, and zone0 stays usable. A window in which the busy
    host let the zone restart too few times for any to be held back opens no
    count of its own, hence twice the burst between counts."""
    m = zone0_linux
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


def test_random_operations_of_a_zone_leave_the_hypervisor_and_zone0_unharmed(zone0_linux):
    m = zone0_linux
    recorder = TimedRecorder(m.log)
    m.child.logfile_read = recorder
    seeds, ops = seeds_and_ops()
    for seed in seeds:
        run_seed(m, seed, ops)
        assert m.run("echo $((6*7))").strip() == "42"
        shutdown(m)
        console = m.output()
        assert "hypervisor fault" not in console, f"seed {seed}:\n{m.tail()}"
        assert "PANIC" not in console, f"seed {seed}:\n{m.tail()}"
        assert not re.search(r"CPU \d+ stopped", console), f"seed {seed}:\n{m.tail()}"
        assert "chaos: unexpected" not in console, f"seed {seed}:\n{m.tail()}"

    assert m.run("echo $((6*7))").strip() == "42"
    assert "arch_timer" in m.run("cat /proc/interrupts")
    worst = warnings_in_one_second(recorder)
    assert worst <= MAX_WARNINGS_PER_SECOND, \
        f"{worst} hypervisor warnings within one second (at most {MAX_WARNINGS_PER_SECOND})"
