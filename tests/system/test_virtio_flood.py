"""A zone that keeps its virtio queue full for ever (guests/virtioflood)
cannot stall zone0's virtio daemon: another zone's disk keeps working beside
it, `tessera virtio stop` still ends the daemon, and a stop in the middle of
the flood leaves no read behind in the RAM the next zone gets."""

import re

from test_virtio import PID_FILE, daemon_alive, make_hostile_image
from test_zone_lifecycle import shutdown, start_zone

FLOOD = "/etc/tessera/test/zone1-flood.json"
HOSTILE2 = "/etc/tessera/test/zone2-hostile.json"
DEVICES = "/etc/tessera/test/flood-devices.json"
FLOODING = r"\[flood\] virtio-flood: flooding"
HOSTILE_DONE = r"\[hostile\] virtio-hostile: done"
AT_START = r"virtio-flood: (\d+) nonzero words in the buffers at start"


def make_flood_image(m):
    """1 MiB of 0xa5: a read of it leaves no zero word behind."""
    m.run("dd if=/dev/zero bs=1M count=1 2>/dev/null | tr '\\000' '\\245' > /tmp/flood.img")


def test_a_flooding_zone_leaves_the_daemon_to_the_others(zone0_linux):
    m = zone0_linux
    make_flood_image(m)
    make_hostile_image(m)
    m.run(f"tessera virtio start {DEVICES}")
    assert daemon_alive(m)

    start_zone(m, FLOOD, FLOODING)
    start_zone(m, HOSTILE2, HOSTILE_DONE)
    console = m.output()
    assert "virtio-hostile: magic 0x74726976" in console, m.tail(60)
    assert re.search(r"virtio-hostile: (\d+) passed, 0 failed", console), m.tail(60)

    # The daemon ends on its signal while zone 1 still floods.
    m.run("tessera virtio stop", timeout=60)
    assert not daemon_alive(m)
    assert m.run(f"test -e {PID_FILE} || echo gone").strip() == "gone"
    shutdown(m, 2)
    shutdown(m)
    assert "PANIC" not in m.output() and "hypervisor fault" not in m.output()


def test_a_zone_stopped_mid_flood_leaves_its_next_zone_only_zeros(zone0_linux):
    m = zone0_linux
    make_flood_image(m)
    make_hostile_image(m)
    m.run(f"tessera virtio start {DEVICES}")

    for run in range(3):
        start_zone(m, FLOOD, FLOODING)
        counts = re.findall(AT_START, m.output())
        assert len(counts) == run + 1 and counts[-1] == "0", m.tail(60)
        shutdown(m)
    assert "did not confirm" not in m.output()
    assert daemon_alive(m)
    m.run("tessera virtio stop", timeout=60)
    log = m.run("cat /var/log/tessera-virtio.log")
    assert log.count("zone 1 stopped: its devices are reset and its RAM unmapped") == 3, log
