"""Virtio for zones on riscv64: zone1's disk, network and console come from
the daemon in zone0 (`tessera virtio start`) through the hypervisor's bridge
page, the daemon woken by PLIC source 0x20 through zone0's vPLIC and zone1's
completions raised in zone1's vPLIC. As on aarch64 (test_virtio.py),
everything is typed in zone0's shell and zone1's shell is reached with
`tessera console 1`.

Runs under `make ARCH=riscv64 test` (the riscv64 mark)."""

import re
import shutil

import pytest

from qemu_machine import BOOT_TIMEOUT, Machine, build_path, guest_pkgs_path
from test_virtio import PID_FILE, ZONE1_READY, ZoneConsole, disk_drive, mean_frame
from test_zone_lifecycle import shutdown, start_zone

pytestmark = pytest.mark.riscv64

ARCH = "riscv64"
ZONE1_VIRTIO = "/etc/tessera/zone1-virtio.json"
DEVICES = "/etc/tessera/zone1-virtio-devices.json"
ZONE0_DTB_ADDR = 0x90000000
ZONE0_KERNEL_ADDR = 0x90200000
ZONE0_INITRAMFS_ADDR = 0xa0000000
WAKEUP_SOURCE = 0x20


@pytest.fixture
def zone0_with_disk(tmp_path):
    """zone0 at its shell prompt with a copy of zone1's root filesystem
    image as its /dev/vda."""
    disk = tmp_path / "zone1-rootfs.ext4"
    shutil.copyfile(build_path("guests", "zone1-disk", "zone1-rootfs.ext4", arch=ARCH), disk)
    machine = Machine([
        (guest_pkgs_path("Image", arch=ARCH), ZONE0_KERNEL_ADDR),
        (build_path("guests", "zone0.dtb", arch=ARCH), ZONE0_DTB_ADDR),
        (build_path("guests", "zone0-initramfs.cpio", arch=ARCH), ZONE0_INITRAMFS_ADDR),
    ], arch=ARCH, qemu_args=disk_drive(disk))
    try:
        machine.expect(r"zone0 ready", timeout=BOOT_TIMEOUT)
        machine.expect(r"# ")
        machine.run("stty columns 4096")
        yield machine
    finally:
        machine.close()


@pytest.fixture
def zone1_virtio(zone0_with_disk):
    """zone1 running with its root on virtio-blk, as `make ARCH=riscv64 run`
    starts it; zone0's shell stays silent meanwhile, as in start_zone."""
    m = zone0_with_disk
    m.send_line("zone1-virtio-up > /tmp/up.out 2>&1; read _")
    m.expect(ZONE1_READY, timeout=BOOT_TIMEOUT)
    m.send_line("")
    out = m.run("cat /tmp/up.out")
    assert "attach to its console with: tessera console 1" in out, out
    return m


def plic_counts(m):
    """PLIC source -> interrupts taken on the zone's two harts, from the
    /proc/interrupts of the shell `m` types in."""
    counts = {}
    for line in m.run("cat /proc/interrupts").splitlines():
        fields = line.split()
        if "PLIC" in fields:
            source = fields[fields.index("PLIC") + 1]
            counts[int(source)] = sum(int(n) for n in fields[1:3])
    return counts


def test_zone1_boots_from_virtio_blk_and_what_it_syncs_survives_its_shutdown(zone1_virtio):
    m = zone1_virtio
    # The daemon sleeps until the hypervisor wakes it through zone0's vPLIC.
    assert "hvisor-virtio" in m.run(f"grep ' {WAKEUP_SOURCE} ' /proc/interrupts")
    assert plic_counts(m)[WAKEUP_SOURCE] > 0
    verbose = m.run("tessera zone list --verbose")
    zone1_part = verbose[verbose.index("zone 1 (zone1)"):]
    assert re.search(r"virtio +0x0*10007000 -> 0x0*10007000 +4 KiB", zone1_part), verbose
    assert re.search(r"sources +5-7\n", zone1_part), verbose
    with ZoneConsole(m):
        assert re.search(r"^/dev/vda / ext4 ", m.run("cat /proc/mounts"), re.M)
        assert m.run("tty").strip() == "/dev/hvc0"
        assert m.run("echo $((6 * 7))").strip() == "42"
        assert m.run("uname -m").strip() == "riscv64"
        # The daemon's completions reach zone1 as its own PLIC sources:
        # net 5, console 6, blk 7 (zone1-virtio-devices.json).
        zone1_sources = plic_counts(m)
        assert all(zone1_sources.get(source, 0) > 0 for source in (5, 6, 7)), zone1_sources
        m.run("echo tessera-proof-$((40 + 2)) > /root/proof && sync")
    assert m.run("echo zone0 $((6 * 7))").strip() == "zone0 42"

    shutdown(m)
    m.run("tessera virtio stop")
    assert not re.search(r"\d", m.run(f"cat {PID_FILE} 2>/dev/null"))
    out = m.run("mkdir -p /mnt && mount -o ro -t ext4 /dev/vda /mnt && cat /mnt/root/proof; "
                "umount /mnt")
    assert "tessera-proof-42" in out

    # A new daemon and a new zone1 find what the first one wrote.
    m.send_line("zone1-virtio-up > /tmp/up.out 2>&1; read _")
    m.expect(ZONE1_READY, timeout=BOOT_TIMEOUT)
    m.send_line("")
    with ZoneConsole(m):
        assert m.run("cat /root/proof").strip() == "tessera-proof-42"
    assert "PANIC" not in m.output() and "hypervisor fault" not in m.output()


def test_zone0_and_zone1_talk_over_virtio_net(zone1_virtio):
    m = zone1_virtio
    assert "3 packets received" in m.run("ping -c 3 -W 10 169.254.100.2")
    m.run("mkdir -p /tmp/www && dd if=/dev/urandom of=/tmp/www/blob bs=1M count=16 2>/dev/null")
    zone0_sum = m.run("md5sum /tmp/www/blob").split()[0]
    m.run("httpd -p 8080 -h /tmp/www")
    with ZoneConsole(m):
        assert "3 packets received" in m.run("ping -c 3 -W 10 169.254.100.1")
        m.run("wget -q -O /tmp/blob http://169.254.100.1:8080/blob", timeout=BOOT_TIMEOUT)
        zone1_sum = m.run("md5sum /tmp/blob").split()[0]
        # Checksum and TSO offloads both ways, as on aarch64: zone1 sends
        # (bits 0, 11, 12 of the negotiated features) and receives (1, 7, 8)
        # unsegmented frames, larger on average than a 1514-byte frame.
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
    m.run("wget -q -O /tmp/blob-from-zone1 http://169.254.100.2:8081/blob", timeout=BOOT_TIMEOUT)
    assert m.run("md5sum /tmp/blob-from-zone1").split()[0] == sent_sum
    assert re.fullmatch(r"[0-9a-f]{32}", sent_sum)
    assert mean_frame(m, "tap0", "rx") > 1514


def test_zone1_with_virtio_restarts_on_the_same_daemon_and_zone0_powers_off(zone1_virtio):
    m = zone1_virtio
    pid = m.run(f"cat {PID_FILE}").strip()
    for _ in range(3):
        shutdown(m)
        start_zone(m, ZONE1_VIRTIO, ZONE1_READY)
    assert m.output().count("[zone1] zone1 ready") == 4
    assert m.run(f"cat {PID_FILE}").strip() == pid
    with ZoneConsole(m):
        assert re.search(r"^/dev/vda / ext4 ", m.run("cat /proc/mounts"), re.M)
        assert m.run("tty").strip() == "/dev/hvc0"

    shutdown(m)
    m.run("tessera virtio stop")
    m.send_line("poweroff")
    m.seen(r"zone0 asked for system power-off")
    assert m.wait_exit() == 0
    assert "PANIC" not in m.output() and "hypervisor fault" not in m.output()


def test_zone1_without_a_daemon_or_with_a_stuck_one_finds_no_disk_and_a_woken_daemon_serves_it(
        zone0_with_disk):
    m = zone0_with_disk
    no_disk = r"\[zone1\] \[ *[0-9.]+\] zone1: /dev/vda did not appear within \d+ s"
    stopped = r"zone 1 \(zone1\) stopped: cpus 0xc returned"
    m.run("load-modules /lib/modules/zone1-virtio")

    # No daemon: the windows read as all-ones at once, zone1 finds no disk
    # and powers itself off.
    start_zone(m, ZONE1_VIRTIO, no_disk, stopped)
    assert "virtio read at 0x10007000 with no daemon in zone0: all-ones" in m.output()

    # A daemon that stops answering: the first access ends after 1 s, and
    # the daemon is then taken for gone, so the others end at once.
    m.run(f"tessera virtio start {DEVICES}")
    m.run(f"kill -STOP $(cat {PID_FILE})")
    start_zone(m, ZONE1_VIRTIO, no_disk, stopped)
    m.seen(r"virtio daemon did not take the read of 0x1000[5-7]000 within 1000 ms")
    m.seen(r"virtio read at 0x1000[5-7]000 with zone0's daemon taken for gone: all-ones")

    # Woken again, the same daemon serves the next zone1.
    m.run(f"kill -CONT $(cat {PID_FILE})")
    assert "alive" in m.run(f"kill -0 $(cat {PID_FILE}) && echo alive")
    start_zone(m, ZONE1_VIRTIO, ZONE1_READY)
    with ZoneConsole(m):
        assert re.search(r"^/dev/vda / ext4 ", m.run("cat /proc/mounts"), re.M)
    shutdown(m)
    m.run("tessera virtio stop")
    assert "PANIC" not in m.output() and "hypervisor fault" not in m.output()
