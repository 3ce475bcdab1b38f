#!/usr/bin/python3
"""Starting and stopping zone1 from zone0, against booting it natively.

tessera side: one QEMU boots tessera and zone0; each run types
`tessera zone start /etc/tessera/zone1.json` and times the wall clock until
zone1's console shows "zone1 ready" (the tool loads the kernel, DTB and
initramfs, then the hypervisor starts the zone), then types `tessera zone
shutdown -id 1` and times until the hypervisor reports the zone stopped (its
CPUs parked, its RAM cleared and given back).

native side: QEMU with the same CPU count (2) and RAM (768 MiB) boots the
same kernel and initramfs with zone1's DT (its CPUs renumbered 0-1), timed
from QEMU's start to "zone1 ready".

Runs alternate between the sides; the table gives medians and ratios.
"""
import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect

TOP = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOP / "tests" / "system"))
from qemu_machine import Machine, build_path  # noqa: E402

READY = r"zone1 ready"
STOPPED = r"zone 1 \(zone1\) stopped"
NATIVE = ["qemu-system-aarch64", "-M", "virt,gic-version=3", "-cpu", "cortex-a72",
          "-smp", "2", "-m", "768M", "-nographic", "-no-reboot", "-nic", "none"]


def native_dtb(workdir):
    """zone1's DT for a machine whose CPUs are 0 and 1; QEMU writes /memory
    and the initrd range itself."""
    dtb = Path(workdir) / "zone1-native.dtb"
    shutil.copy(build_path("guests", "zone1", "zone1.dtb"), dtb)
    for node, reg in (("/cpus/cpu@2", "0"), ("/cpus/cpu@3", "1")):
        subprocess.run(["fdtput", "-t", "x", str(dtb), node, "reg", reg], check=True)
    for prop in ("linux,initrd-start", "linux,initrd-end"):
        subprocess.run(["fdtput", "-d", str(dtb), "/chosen", prop], check=True)
    return dtb


def native_boot(dtb, timeout):
    command = NATIVE + ["-kernel", build_path("guest-pkgs", "Image"),
                        "-initrd", build_path("guests", "zone1", "zone1-initramfs.cpio.gz"),
                        "-dtb", str(dtb)]
    start = time.monotonic()
    qemu = pexpect.spawn(command[0], command[1:], timeout=timeout, encoding="utf-8",
                         codec_errors="replace")
    try:
        qemu.expect(READY)
        return time.monotonic() - start
    finally:
        qemu.terminate(force=True)


def zone_cycle(m, timeout):
    """(seconds from `zone start` to zone1 ready, from `zone shutdown` to stopped)."""
    start = time.monotonic()
    m.send_line("tessera zone start /etc/tessera/zone1.json > /tmp/zone-start.out 2>&1")
    m.expect(READY, timeout)
    started = time.monotonic() - start
    m.run("true")
    start = time.monotonic()
    m.send_line("tessera zone shutdown -id 1")
    m.expect(STOPPED, timeout)
    stopped = time.monotonic() - start
    m.run("true")
    return started, stopped


def zone0_machine(timeout):
    m = Machine([(build_path("guest-pkgs", "Image"), 0xa0400000),
                 (build_path("guests", "zone0.dtb"), 0xa0000000),
                 (build_path("guests", "zone0-initramfs.cpio"), 0xb0000000)], timeout)
    m.expect(r"zone0 ready")
    m.expect(r"# ")
    return m


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=int, default=180)
    args = parser.parse_args()

    native, started, stopped = [], [], []
    with tempfile.TemporaryDirectory() as workdir:
        dtb = native_dtb(workdir)
        m = zone0_machine(args.timeout)
        try:
            for _ in range(args.runs):
                native.append(native_boot(dtb, args.timeout))
                up, down = zone_cycle(m, args.timeout)
                started.append(up)
                stopped.append(down)
        finally:
            m.close()

    start_median, native_median = statistics.median(started), statistics.median(native)
    print(f"\nzone1 (Debian kernel + busybox initramfs, 2 CPUs, 768 MiB), "
          f"medians of {args.runs}")
    print(f"| {'measure':<44} | {'seconds':>8} |")
    print(f"|{'-' * 46}|{'-' * 10}|")
    print(f"| {'native: QEMU start -> zone1 ready':<44} | {native_median:8.2f} |")
    print(f"| {'tessera: zone start -> zone1 ready':<44} | {start_median:8.2f} |")
    print(f"| {'ratio tessera / native':<44} | {start_median / native_median:8.2f} |")
    print(f"| {'tessera: zone shutdown -> CPUs parked':<44} | "
          f"{statistics.median(stopped):8.2f} |")


if __name__ == "__main__":
    main()
