"""hvisor's zone0 tools on tessera, as far as they can be tested without
them (hvisor-tool is not part of this repository): a virtio daemon that
treats the hypervisor as hvisor-tool's does serves zone1 through start/stop
cycles, and a daemon killed mid-I/O is noticed, so that the zone's accesses
fail at once and a new daemon takes over."""

import json
import re

from qemu_machine import BOOT_TIMEOUT
from test_virtio import (HOSTILE, HOSTILE_DEVICES, HOSTILE_DONE, PID_FILE, ZONE1_READY,
                         ZoneConsole, make_hostile_image, zone0_with_disk, zone1_virtio)
from test_zone_lifecycle import shutdown, start_zone
from zone_configs import REPO, as_text

HVISOR_LIKE = "/etc/tessera/test/hvisor-like-daemon"
DEVICES = "/etc/tessera/zone1-virtio-devices.json"
ONE_WINDOW = "/tmp/zone1-one-window.json"
# Fixtures shared with test_virtio.py.
__all__ = ["zone0_with_disk", "zone1_virtio"]


def zone1_with_one_virtio_window():
    """zone1-virtio.json laid out as hvisor's example zone1: one VIRTIO
    region over all three devices, which the daemon names itself."""
    zone = json.load(open(f"{REPO}/configs/qemu-virt/zone1-virtio.json"))
    zone["memory_regions"] = [zone["memory_regions"][0],
                              {"type": "virtio", "physical_start": "0xa000000",
                               "virtual_start": "0xa000000", "size": "0x4000"}]
    return zone


def test_a_daemon_like_hvisors_serves_zone1_through_start_stop_cycles(zone0_with_disk):
    m = zone0_with_disk
    m.run("load-modules /lib/modules/zone1-virtio")
    m.write_file(ONE_WINDOW, as_text(zone1_with_one_virtio_window()))
    m.run(f"({HVISOR_LIKE} {DEVICES} > /tmp/hvisor-like.out 2>&1 &)")
    m.run("until grep -q serving /tmp/hvisor-like.out; do sleep 0.1; done", timeout=60)
    pid = m.run("pidof hvisor-like-daemon").strip()
    assert pid.isdigit(), pid

    for _ in range(3):
        start_zone(m, ONE_WINDOW, ZONE1_READY)
        shutdown(m)

    assert m.output().count("[zone1] zone1 ready") == 3
    out = m.run("cat /tmp/hvisor-like.out")
    assert "where no device is" not in out, out
    assert "alive" in m.run(f"kill -0 {pid} && echo alive"), out
    console = m.output()
    for complaint in ("did not take", "did not confirm", "taken for gone"):
        assert complaint not in console, m.tail(60)
    m.run(f"kill {pid}")


def magic_read_ms(m):
    waited = re.findall(r"virtio-hostile: magic 0x([0-9a-f]+) after (\d+) ms", m.output())
    assert waited, m.tail()
    return waited[-1][0], int(waited[-1][1])


def test_a_daemon_killed_mid_io_is_dropped_and_a_new_one_takes_over(zone1_virtio):
    m = zone1_virtio
    with ZoneConsole(m):
        m.run("(while dd if=/dev/vda of=/dev/null bs=64k 2>/dev/null; do :; done &)")
    m.run(f"kill -KILL $(cat {PID_FILE})")
    m.seen(r"virtio: the daemon closed /dev/hvisor: bridge page dropped", timeout=BOOT_TIMEOUT)
    shutdown(m)

    # With the bridge dropped, a zone's device reads as all-ones at once,
    # not after a second.
    make_hostile_image(m)
    start_zone(m, HOSTILE, HOSTILE_DONE)
    magic, ms = magic_read_ms(m)
    assert magic == "ffffffff" and ms < 500, m.tail()
    shutdown(m)

    # A new daemon registers and serves the next zone.
    m.run(f"tessera virtio start {HOSTILE_DEVICES}")
    start_zone(m, HOSTILE, HOSTILE_DONE)
    magic, _ = magic_read_ms(m)
    assert magic == "74726976", m.tail()
    shutdown(m)
    m.run("tessera virtio stop")
    console = m.output()
    assert "did not take" not in console and "PANIC" not in console, m.tail(60)
