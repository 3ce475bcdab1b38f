"""`make STATS=1` (build/hypervisor-stats/): the image counts exits by kind
and CPU and prints the counts when zone0 powers off. exitbench in zone0
makes a known number of each kind, so the counts must reach them; the
default image prints none (test_baremetal_guest.py). exitbench waits
seconds for every answer, so however slow the host, its rows all complete
(or one names what never came); its timings are bench/exits.py's, not
asserted here."""

import re

from conftest import ZONE0_KERNEL_ADDR
from qemu_machine import Machine, build_path, make_variant

STATS_IMAGE_DIR = "hypervisor-stats"
# guests/exitbench: 15 batches of 1000 null hypercalls, of 1000 GICD and of
# 1000 GICR reads, and of 200 SGI round trips between vCPUs 0 and 1.
HYPERCALLS = 15 * 1000
MMIO_READS = 2 * 15 * 1000
ROUND_TRIPS = 15 * 200
ROW = re.compile(r"^  (\S+(?: \S+)?) +cpu(\d) +(\d+) exits +(\d+) ns$", re.MULTILINE)
# The rows whose work the counts below are made of, in the order printed.
EXITBENCH_ROWS = ("hypercall", "gicd-read", "gicr-read", "sgi-round-trip", "timer-latency")


def test_stats_image_counts_the_exits_exitbench_makes():
    make_variant(["STATS=1"], ["hypervisor", "{build}/guests/exitbench.bin"])
    m = Machine([(build_path("guests", "exitbench.bin"), ZONE0_KERNEL_ADDR)],
                hypervisor=(STATS_IMAGE_DIR, "tessera.bin"))
    try:
        # A row that never completes is followed by the guest's line saying
        # what never came, then by its done line.
        for row in EXITBENCH_ROWS:
            line = m.expect(rf"exitbench: (?:{row} -?\d+|done)\r?\n").group(0)
            assert line.startswith(f"exitbench: {row} "), \
                f"exitbench gave no {row} row:\n{m.tail()}"
        m.expect(r"exitbench: done")
        m.expect(r"exit counters \(STATS=1\), per kind and CPU: exits, mean time in the handler")
        assert m.wait_exit() == 0
        rows = {(kind, int(cpu)): (int(exits), int(ns))
                for kind, cpu, exits, ns in ROW.findall(m.output())}
    finally:
        m.close()

    # The QEMU floors are exceptions at EL1 only; one that took another
    # exception would be timing something else.
    assert "not the floor's exception" not in m.output()

    def exits(kind, cpu):
        return rows.get((kind, cpu), (0, 0))[0]

    assert exits("hvc/smc", 0) >= HYPERCALLS, rows
    assert exits("mmio", 0) >= MMIO_READS, rows
    # Each round trip is a trapped ICC_SGI1R_EL1 write on either vCPU and a
    # physical kick to the other one.
    for cpu in (0, 1):
        assert exits("sysreg", cpu) >= ROUND_TRIPS, rows
        assert exits("irq: kick", cpu) >= ROUND_TRIPS, rows
    assert exits("irq: timer", 0) > 0, rows
    assert all(ns > 0 for _, ns in rows.values()), rows
