#!/usr/bin/python3
"""Virtio for zones: zone1's disk and network, against zone0's own.

One QEMU boots tessera and zone0 with two copies of zone1's root filesystem
image (ext4, 256 MiB) as virtio-blk disks, then runs zone1-virtio-up: the
virtio daemon in zone0 serves /dev/vda to zone1 as zone1's root, and zone0
mounts the other copy, /dev/vdb, a QEMU virtio-blk disk of its own, as the
baseline (same image, filesystem and size on both sides). zone1's shell is
driven through `tessera console 1`.

Each run, in turn, times in zone0 then in zone1:
- dd of 64 MiB sequential write (oflag=direct conv=fsync) and read
  (iflag=direct) on the ext4 root (zone1) or on /dev/vdb (zone0). Before a
  read the page caches are dropped in zone0 (the daemon reads /dev/vda
  through them) and in the reader's zone, so both reads end at QEMU.
- ping round trips zone0 -> zone1 and zone1 -> zone0 over virtio-net (tap0
  on zone0's br0); the baseline is zone0 pinging its own br0 address, which
  Linux answers over loopback.
- TCP: busybox wget of a 32 MiB file to /dev/null from busybox httpd, zone0
  -> zone1 and zone1 -> zone0; the baseline is zone0 fetching the same file
  from its own httpd at 127.0.0.1.

Every time is taken inside the guest that runs the command, with
CLOCK_MONOTONIC (`now at ... nsecs` of /proc/timer_list: busybox date has
no %N); ping RTTs are ping's own. The table gives medians over runs (ping:
over every round trip of every run) and each zone1 figure over the zone0
baseline measured in the same run.
"""
import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOP / "tests" / "system"))
from conftest import ZONE0_DTB_ADDR, ZONE0_INITRAMFS_ADDR, ZONE0_KERNEL_ADDR  # noqa: E402
from qemu_machine import Machine, build_path  # noqa: E402
from test_virtio import BOOT_TIMEOUT, ZONE1_READY, ZoneConsole, disk_drive  # noqa: E402

ZONE0_IP = "169.254.100.1"
ZONE1_IP = "169.254.100.2"
HTTP_PORT = 8080
DD_MIB = 64
TCP_MIB = 32
PINGS = 20            # round trips per direction and run
PING_INTERVAL = 0.2   # seconds between them
SCRATCH = "/mnt/scratch"

# zone0's baseline disk. Without bus= it would land on the transport at
# 0xa003c00, whose SPI (INTID 78) zone0 lends to zone1 for zone1's own
# virtio-blk while zone1 runs; transport 2 (0xa000400, INTID 50) stays
# zone0's. zone0's Linux probes it first, so it becomes /dev/vda and zone1's
# copy at 0xa003e00 /dev/vdb: the daemon serves /dev/vda (the JSON names
# it), zone0 mounts /dev/vdb. The two are identical copies, so which is
# which changes nothing.
def scratch_drive(path):
    return ["-drive", f"file={path},format=raw,if=none,id=zone0scratch",
            "-device", "virtio-blk-device,drive=zone0scratch,bus=virtio-mmio-bus.2"]


# A shell function in each zone: CLOCK_MONOTONIC in ns.
NOW = "now() { sed -n 's/^now at \\([0-9]*\\) nsecs$/\\1/p;3q' /proc/timer_list; }"
ELAPSED = re.compile(r"^elapsed_ns=(\d+) rc=(\d+)$", re.MULTILINE)
RTT = re.compile(r"^\d+ bytes from [\d.]+: seq=\d+ ttl=\d+ time=([\d.]+) ms$", re.MULTILINE)

WRITE = f"dd if=/dev/zero of={{}} bs=1M count={DD_MIB} oflag=direct conv=fsync"
READ = "dd if={} of=/dev/null bs=1M iflag=direct"
DROP_CACHES = "sync; echo 3 > /proc/sys/vm/drop_caches"

ROWS = {
    "write": ("virtio-blk seq. write, dd 64 MiB", "MB/s"),
    "read": ("virtio-blk seq. read, dd 64 MiB", "MB/s"),
    "ping01": ("ping RTT zone0 -> zone1", "ms"),
    "ping10": ("ping RTT zone1 -> zone0", "ms"),
    "tcp01": ("TCP zone0 httpd -> zone1 wget, 32 MiB", "MB/s"),
    "tcp10": ("TCP zone1 httpd -> zone0 wget, 32 MiB", "MB/s"),
}
# The zone0 measurement each row is compared with.
BASELINE = {"write": "write", "read": "read", "ping01": "ping", "ping10": "ping",
            "tcp01": "tcp", "tcp10": "tcp"}
NOTES = [
    "zone1 = the path through zone1's virtio devices (served by the daemon in",
    "zone0); ratio = zone1 median / zone0 baseline median, both from this run:",
    "below 1 is slower for MB/s, above 1 is slower for ms. MB = 10^6 bytes.",
    "blk: zone1's dd on its root (ext4 on its virtio-blk, which the daemon",
    "  serves from zone0's /dev/vda) against zone0's dd on another copy of the",
    "  same ext4 image, a QEMU virtio-blk disk of zone0's own. busybox dd has",
    "  oflag/iflag=direct; writes add conv=fsync; before reads the caches are",
    "  dropped in zone0 (the daemon reads through them) and in the reader. The",
    "  images are host files in the host's page cache on both sides.",
    "ping: baseline is zone0 pinging its own br0 address (loopback); medians of",
    f"  every round trip, {PINGS} per direction per run, {PING_INTERVAL} s apart.",
    "TCP: baseline is zone0's wget from its own httpd at 127.0.0.1 (loopback).",
]


def timed(m, command, timeout):
    """Runs a command in the shell m types into (zone0's, or zone1's while
    attached) and returns (its output, seconds by that guest's clock)."""
    out = m.run(f"s=$(now); {command}; rc=$?; e=$(now); echo elapsed_ns=$((e-s)) rc=$rc",
                timeout)
    found = ELAPSED.search(out)
    if not found or found.group(2) != "0":
        raise AssertionError(f"`{command}` failed:\n{out}")
    return out, int(found.group(1)) / 1e9


def megabytes_per_second(mib, seconds):
    return mib * 1024 * 1024 / 1e6 / seconds


def dd(m, command, timeout):
    out, seconds = timed(m, command, timeout)
    if f"{DD_MIB}+0 records out" not in out:
        raise AssertionError(f"`{command}` did not copy {DD_MIB} MiB:\n{out}")
    return megabytes_per_second(DD_MIB, seconds)


def ping(m, address, timeout):
    out, _ = timed(m, f"ping -c {PINGS} -i {PING_INTERVAL} {address}", timeout)
    rtts = [float(ms) for ms in RTT.findall(out)]
    if len(rtts) < PINGS // 2:
        raise AssertionError(f"ping {address}: {len(rtts)} of {PINGS} replies:\n{out}")
    return rtts


def wget(m, address, timeout):
    _, seconds = timed(m, f"wget -q -O /dev/null http://{address}:{HTTP_PORT}/blob", timeout)
    return megabytes_per_second(TCP_MIB, seconds)


def serve_blob(m):
    m.run(f"mkdir -p /tmp/www && dd if=/dev/urandom of=/tmp/www/blob bs=1M count={TCP_MIB} "
          f"2>/dev/null && httpd -p {HTTP_PORT} -h /tmp/www")


def boot(workdir, timeout):
    """zone0 with both disks, zone1 up; returns the machine at zone0's shell."""
    zone1_disk, scratch = Path(workdir) / "zone1-rootfs.ext4", Path(workdir) / "zone0-scratch.ext4"
    for copy in (zone1_disk, scratch):
        subprocess.run(["cp", "--sparse=always",
                        build_path("guests", "zone1-disk", "zone1-rootfs.ext4"), str(copy)],
                       check=True)
    m = Machine([(build_path("guest-pkgs", "Image"), ZONE0_KERNEL_ADDR),
                 (build_path("guests", "zone0.dtb"), ZONE0_DTB_ADDR),
                 (build_path("guests", "zone0-initramfs.cpio"), ZONE0_INITRAMFS_ADDR)],
                timeout, qemu_args=disk_drive(zone1_disk) + scratch_drive(scratch))
    m.expect(r"zone0 ready")
    m.expect(r"# ")
    m.run("stty columns 4096")
    m.send_line("zone1-virtio-up > /tmp/up.out 2>&1")
    m.expect(ZONE1_READY, timeout=BOOT_TIMEOUT)
    up = m.run("cat /tmp/up.out")
    if "tessera console 1" not in up:
        raise AssertionError(f"zone1-virtio-up failed:\n{up}")
    # zone0's init leaves lo down: its own addresses would be unreachable.
    m.run("ip link set lo up")
    m.run(NOW)
    out = m.run(f"mkdir -p {SCRATCH} && mount -t ext4 /dev/vdb {SCRATCH} && "
                "grep -E '^/dev/vd' /proc/mounts")
    if f"/dev/vdb {SCRATCH} ext4" not in out:
        raise AssertionError(f"zone0 could not mount its scratch disk:\n{out}")
    serve_blob(m)
    with ZoneConsole(m):
        m.run(NOW)
        out = m.run("grep -E '^/dev/vd' /proc/mounts")
        if "/dev/vda / ext4" not in out:
            raise AssertionError(f"zone1's root is not ext4 on /dev/vda:\n{out}")
        serve_blob(m)
    # One unmeasured write each: the first allocation on a fresh image.
    m.run(WRITE.format(f"{SCRATCH}/bench.bin"), timeout)
    with ZoneConsole(m):
        m.run(WRITE.format("/bench.bin"), timeout)
    return m


def zone0_side(m, timeout):
    r = {"write": dd(m, WRITE.format(f"{SCRATCH}/bench.bin"), timeout)}
    m.run(DROP_CACHES)
    r["read"] = dd(m, READ.format(f"{SCRATCH}/bench.bin"), timeout)
    r["ping"] = ping(m, ZONE0_IP, timeout)
    r["ping01"] = ping(m, ZONE1_IP, timeout)
    r["tcp"] = wget(m, "127.0.0.1", timeout)
    r["tcp10"] = wget(m, ZONE1_IP, timeout)
    return r


def zone1_side(m, timeout):
    with ZoneConsole(m):
        r = {"write": dd(m, WRITE.format("/bench.bin"), timeout)}
    # The daemon wrote through zone0's page cache, which would serve the read.
    m.run(DROP_CACHES)
    with ZoneConsole(m):
        m.run(DROP_CACHES)
        r["read"] = dd(m, READ.format("/bench.bin"), timeout)
        r["ping10"] = ping(m, ZONE0_IP, timeout)
        r["tcp01"] = wget(m, ZONE0_IP, timeout)
    return r


def progress(zone0, zone1):
    ms = statistics.median
    return (f"zone1 write {zone1['write']:.1f} read {zone1['read']:.1f} MB/s, "
            f"ping 0->1 {ms(zone0['ping01']):.3f} 1->0 {ms(zone1['ping10']):.3f} ms, "
            f"tcp 0->1 {zone1['tcp01']:.1f} 1->0 {zone0['tcp10']:.1f} MB/s; "
            f"zone0 write {zone0['write']:.1f} read {zone0['read']:.1f} MB/s, "
            f"ping {ms(zone0['ping']):.3f} ms, tcp {zone0['tcp']:.1f} MB/s")


def print_table(zone0, zone1, runs):
    def series(results, key):
        if key.startswith("ping"):
            return [rtt for run in results for rtt in run[key]]
        return [run[key] for run in results]

    print(f"\nvirtio for zones: zone1 through tessera's virtio against zone0, "
          f"medians of {runs} runs")
    print(f"| {'row':<38} | {'unit':<4} | {'zone1':>8} | {'zone0 base':>10} | {'ratio':>6} |")
    print(f"|{'-' * 40}|{'-' * 6}|{'-' * 10}|{'-' * 12}|{'-' * 8}|")
    for key, (label, unit) in ROWS.items():
        source = zone0 if key in ("ping01", "tcp10") else zone1
        value = statistics.median(series(source, key))
        base = statistics.median(series(zone0, BASELINE[key]))
        digits = 3 if unit == "ms" else 1
        print(f"| {label:<38} | {unit:<4} | {value:>8.{digits}f} | {base:>10.{digits}f} "
              f"| {value / base:>6.2f} |")
    print("\n".join(NOTES))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per side")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per step")
    args = parser.parse_args()

    zone0, zone1 = [], []
    with tempfile.TemporaryDirectory(prefix="tessera-bench-virtio-") as workdir:
        m = None
        try:
            m = boot(workdir, args.timeout)
            for run in range(1, args.runs + 1):
                zone0.append(zone0_side(m, args.timeout))
                zone1.append(zone1_side(m, args.timeout))
                print(f"run {run}/{args.runs}: " + progress(zone0[-1], zone1[-1]), flush=True)
        except AssertionError as error:
            raise SystemExit(str(error)) from None
        finally:
            if m:
                m.close()
    print_table(zone0, zone1, args.runs)


if __name__ == "__main__":
    main()
