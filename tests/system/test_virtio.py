"""Virtio for zones: zone1's disk, network and console come from the daemon
in zone0 (`tessera virtio start`), through the hypervisor's bridge page.
Everything is typed in zone0's shell, and zone1's shell is reached as a
user reaches it, with `tessera console 1`."""

import re
import shutil

import pytest

from qemu_machine import BOOT_TIMEOUT, build_path
from test_zone_lifecycle import shutdown, start_zone

ZONE1_VIRTIO = "/etc/tessera/zone1-virtio.json"
HOSTILE = "/etc/tessera/test/zone1-hostile.json"
HOSTILE_DEVICES = "/etc/tessera/test/zone1-hostile-devices.json"
ZONE1_READY = r"\[zone1\] zone1 ready"
HOSTILE_DONE = r"\[hostile\] virtio-hostile: done"
PID_FILE = "/run/tessera-virtio.pid"
DETACH_KEY = "\x1d"  # Ctrl-]


def disk_drive(path):
    """zone0's /dev/vda: QEMU's highest virtio-mmio transport."""
    return ["-drive", f"file={path},format=raw,if=none,id=zone1disk",
            "-device", "virtio-blk-device,drive=zone1disk"]


@pytest.fixture
def zone0_with_disk(zone0_linux_on, tmp_path):
    """zone0 with a copy of zone1's root filesystem image as its /dev/vda."""
    disk = tmp_path / "zone1-rootfs.ext4"
    shutil.copyfile(build_path("guests", "zone1-disk", "zone1-rootfs.ext4"), disk)
    return zone0_linux_on(qemu_args=disk_drive(disk))


@pytest.fixture
def zone1_virtio(zone0_with_disk):
    """zone1 running with its root on virtio-blk, as `make run` starts it;
    zone0's shell stays silent meanwhile, as in start_zone."""
    m = zone0_with_disk
    m.send_line("zone1-virtio-up > /tmp/up.out 2>&1; read _")
    m.expect(ZONE1_READY, timeout=BOOT_TIMEOUT)
    m.send_line("")
    out = m.run("cat /tmp/up.out")
    assert "attach to its console with: tessera console 1" in out, out
    return m


class ZoneConsole:
    """`tessera console 1` in zone0's shell; commands typed inside run in
    zone1's shell on its virtio console, until Ctrl-] detaches."""

    def __init__(self, machine, zone_id=1):
        self.m = machine
        self.zone_id = zone_id

    def __enter__(self):
        self.m.send_line(f"tessera console {self.zone_id}")
        self.m.expect(rf"Connected to zone {self.zone_id}'s console")
        self.m.run("stty columns 4096")
        return self

    def __exit__(self, *exc):
        self.m.child.send(DETACH_KEY)
        self.m.expect(r"[Dd]etached")
        return False


def daemon_alive(m):
    return "alive" in m.run(f"kill -0 $(cat {PID_FILE}) && echo alive")


def test_zone1_boots_from_virtio_blk_and_what_it_syncs_survives_its_shutdown(zone1_virtio):
    m = zone1_virtio
    with ZoneConsole(m):
        assert re.search(r"^/dev/vda / ext4 ", m.run("cat /proc/mounts"), re.M)
        assert m.run("tty").strip() == "/dev/hvc0"
        assert m.run("echo $((6 * 7))").strip() == "42"
        m.run("echo tessera-proof-$((40 + 2)) > /root/proof && sync")
    assert m.run("echo zone0 $((6 * 7))").strip() == "zone0 42"

    shutdown(m)
    m.run("tessera virtio stop")
    assert not re.search(r"\d", m.run(f"cat {PID_FILE} 2>/dev/null"))
    out = m.run("mkdir -p /mnt && mount -o ro -t ext4 /dev/vda /mnt && cat /mnt/root/proof; "
                "umount /mnt")
    assert "tessera-proof-42" in out


def mean_frame(m, interface, direction):
    stats = f"/sys/class/net/{interface}/statistics/{direction}"
    frames = int(m.run(f"cat {stats}_packets"))
    return int(m.run(f"cat {stats}_bytes")) / max(frames, 1)


def test_zone0_and_zone1_talk_over_virtio_net(zone1_virtio):
    m = zone1_virtio
    assert "3 packets received" in m.run("ping -c 3 -W 10 169.254.100.2")
    m.run("mkdir -p /tmp/www && dd if=/dev/urandom of=/tmp/www/blob bs=1M count=16 2>/dev/null")
    zone0_sum = m.run("md5sum /tmp/www/blob").split()[0]
    m.run("httpd -p 8080 -h /tmp/www")
    with ZoneConsole(m):
        assert "3 packets received" in m.run("ping -c 3 -W 10 169.254.100.1")
        m.run("wget -q -O /tmp/blob http://169.254.100.1:8080/blob", timeout=300)
        zone1_sum = m.run("md5sum /tmp/blob").split()[0]
        # Checksum and TSO offloads both ways: zone1 sends (bits 0, 11, 12 of
        # the negotiated features) and receives (1, 7, 8) unsegmented frames,
        # which only TSO makes larger on average than a 1514-byte frame.
        features = m.run("cat /sys/class/net/eth0/device/features").strip()
        received = mean_frame(m, "eth0", "rx")
        m.run("mkdir -p /tmp/out && mount -t tmpfs tmpfs /tmp/out && "
              "dd if=/dev/urandom of=/tmp/out/blob bs=1M count=16 2>/dev/null")
        sent_sum = m.run("md5sum /tmp/out/blob").split()[0]
        m.run("httpd -p 8081 -h /tmp/out")
    assert zone1_sum == zone0_sum
    assert re.fullmatch(r"[0-9a-f]{32}", zone0_sum)
    assert all(features[bit] == "1" for bit in (0, 1, 7, 8, 11, 12)), features
    assert received > 1514, received
    m.run("wget -q -O /tmp/blob-from-zone1 http://169.254.100.2:8081/blob", timeout=300)
    assert m.run("md5sum /tmp/blob-from-zone1").split()[0] == sent_sum
    assert re.fullmatch(r"[0-9a-f]{32}", sent_sum)
    assert mean_frame(m, "tap0", "rx") > 1514


def test_zone1_with_virtio_restarts_five_times_on_the_same_daemon(zone1_virtio):
    m = zone1_virtio
    pid = m.run(f"cat {PID_FILE}").strip()
    for _ in range(5):
        shutdown(m)
        start_zone(m, ZONE1_VIRTIO, ZONE1_READY)
    assert m.output().count("[zone1] zone1 ready") == 6
    assert m.run(f"cat {PID_FILE}").strip() == pid
    with ZoneConsole(m):
        assert re.search(r"^/dev/vda / ext4 ", m.run("cat /proc/mounts"), re.M)


def make_hostile_image(m):
    m.run("dd if=/dev/zero of=/tmp/hostile.img bs=1M count=1 2>/dev/null && "
          "printf tessera-hostile | dd of=/tmp/hostile.img conv=notrunc 2>/dev/null")


def test_the_daemon_survives_a_hostile_guest_and_a_stuck_daemon_costs_one_second(zone0_linux):
    m = zone0_linux
    make_hostile_image(m)

    # No daemon yet: the device reads as all-ones at once.
    start_zone(m, HOSTILE, HOSTILE_DONE)
    assert re.search(r"virtio-hostile: magic 0xffffffff after \d+ ms", m.output())
    shutdown(m)

    m.run(f"tessera virtio start {HOSTILE_DEVICES}")
    assert daemon_alive(m)
    start_zone(m, HOSTILE, HOSTILE_DONE)
    console = m.output()
    assert "virtio-hostile: magic 0x74726976" in console
    assert re.search(r"virtio-hostile: (\d+) passed, 0 failed", console), m.tail(60)
    assert "virtio-hostile: FAIL" not in console
    assert "virtio-hostile: PASS VirtioInit from a zone returns -EPERM" in console
    assert "virtio-hostile: PASS VirtioInjectIrq from a zone returns -EPERM" in console
    assert daemon_alive(m)
    assert m.run("echo $((6 * 7))").strip() == "42"
    shutdown(m)

    # A daemon that stops answering: the zone's access ends after 1 s (the
    # hypervisor's line names its limit; a slow host only adds to the wait).
    m.run(f"kill -STOP $(cat {PID_FILE})")
    start_zone(m, HOSTILE, HOSTILE_DONE)
    waited = re.findall(r"virtio-hostile: magic 0xffffffff after (\d+) ms", m.output())
    assert len(waited) == 2 and int(waited[-1]) >= 900, m.tail()
    m.seen(r"virtio daemon did not take the read of 0xa003c00 within 1000 ms")
    shutdown(m)
    m.run(f"kill -CONT $(cat {PID_FILE})")
    assert daemon_alive(m)
    m.run("tessera virtio stop")
    assert "PANIC" not in m.output() and "hypervisor fault" not in m.output()
