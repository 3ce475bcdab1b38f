#!/usr/bin/python3
"""Starting and stopping zone1 from zone0, against booting it natively.

tessera side: one QEMU boots tessera and zone0; each run types
`tessera zone start /etc/tessera/zone1.json` and times the wall clock until
zone1's console shows "zone1 ready" (the tool loads the kernel, DTB and
initramfs, then the hypervisor starts the zone), then types `tessera zone
shutdown -id 1` and times until the hypervisor reports the zone stopped (its
CPUs parked, its RAM cleared and given back).

native side, two baselines, each timed from QEMU's start to "zone1 ready":
the same kernel and initramfs with zone1's RAM (768 MiB) on the same 4-CPU
machine with Linux limited to 2 CPUs (`maxcpus=2`, the fair "same board"
comparison, as for zone0 in boot_time.py), and on a 2-CPU machine. QEMU
makes a 4-CPU machine dearer whatever runs on it: a broadcast TLB
invalidation (Linux issues tens of thousands while patching its text at
boot) waits for every vCPU thread, idle or not.

`--arch riscv64` does the same on the riscv64 port (QEMU virt, OpenSBI;
zone1 on harts 2-3 with 256 MiB) against one native baseline: 4 harts with
`maxcpus=2` and zone1's RAM size, on zone1's DT made to boot natively
(bench/board_dt.py's riscv_native_dtb: harts 0-1 and every hart's M-mode
PLIC contexts added, the CLINT and sifive_test OpenSBI needs, the RAM moved
to 0x80000000). OpenSBI hangs a hart its DT does not name, so there is no
2-hart baseline made from zone1's DT.

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

from board_dt import add_psci_cpus, fdtput, riscv_native_dtb

TOP = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOP / "tests" / "system"))
from qemu_machine import Machine, build_path, guest_pkgs_path  # noqa: E402

READY = r"zone1 ready"
STOPPED = r"zone 1 \(zone1\) stopped"
# What differs between the ports: the native machine, zone1's RAM and
# native baselines by the machine's CPU count; zone0's images and where
# tessera expects them (guests/linux/linux.mk).
ARCHES = {
    "aarch64": {
        "native": ["qemu-system-aarch64", "-M", "virt,gic-version=3", "-cpu", "cortex-a72",
                   "-m", "768M", "-nographic", "-no-reboot", "-nic", "none"],
        "zone1_ram": "768 MiB",
        "baselines": {4: "native, 4 CPUs, maxcpus=2", 2: "native, 2 CPUs"},
        "zone0": {"Image": 0xa0400000, "zone0.dtb": 0xa0000000,
                  "zone0-initramfs.cpio": 0xb0000000},
    },
    "riscv64": {
        "native": ["qemu-system-riscv64", "-M", "virt", "-cpu", "rv64", "-bios", "default",
                   "-m", "256M", "-nographic", "-no-reboot", "-nic", "none"],
        "zone1_ram": "256 MiB",
        "zone1_ram_bytes": 0x10000000,
        "baselines": {4: "native, 4 harts, maxcpus=2"},
        "zone0": {"Image": 0x90200000, "zone0.dtb": 0x90000000,
                  "zone0-initramfs.cpio": 0xa0000000},
    },
}


def with_maxcpus(dtb):
    bootargs = subprocess.run(["fdtget", str(dtb), "/chosen", "bootargs"], check=True,
                              capture_output=True, text=True).stdout.strip()
    fdtput(dtb, "-t", "s", "/chosen", "bootargs", f"{bootargs} maxcpus=2")


def native_dtb(arch, workdir, board_cpus):
    """zone1's DT for a native machine. aarch64: QEMU writes /memory and the
    initrd range itself; on 2 CPUs zone1's CPUs become 0 and 1; on the 4-CPU
    board CPUs 0 and 1 are added, since Linux on QEMU hangs early when the DT
    lists fewer CPUs than the machine has, and maxcpus=2 keeps it to two.
    riscv64: see riscv_native_dtb."""
    dtb = Path(workdir) / f"zone1-native-{board_cpus}cpus.dtb"
    shutil.copy(build_path("guests", "zone1", "zone1.dtb", arch=arch), dtb)
    if arch == "riscv64":
        riscv_native_dtb(dtb, ARCHES[arch]["zone1_ram_bytes"])
        with_maxcpus(dtb)
        return dtb
    if board_cpus == 2:
        for node, reg in (("/cpus/cpu@2", "0"), ("/cpus/cpu@3", "1")):
            fdtput(dtb, "-t", "x", node, "reg", reg)
    else:
        add_psci_cpus(dtb, (0, 1))
        with_maxcpus(dtb)
    for prop in ("linux,initrd-start", "linux,initrd-end"):
        fdtput(dtb, "-d", "/chosen", prop)
    return dtb


def native_boot(arch, board_cpus, dtb, timeout):
    command = ARCHES[arch]["native"] + [
        "-smp", str(board_cpus), "-kernel", guest_pkgs_path("Image", arch=arch),
        "-initrd", build_path("guests", "zone1", "zone1-initramfs.cpio.gz", arch=arch),
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


def zone0_machine(arch, timeout):
    images = [(guest_pkgs_path(name, arch=arch) if name == "Image"
               else build_path("guests", name, arch=arch), addr)
              for name, addr in ARCHES[arch]["zone0"].items()]
    m = Machine(images, timeout, arch=arch)
    m.expect(r"zone0 ready")
    m.expect(r"# ")
    return m


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arch", choices=list(ARCHES), default="aarch64")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=int, default=180)
    args = parser.parse_args()
    baselines = ARCHES[args.arch]["baselines"]

    native = {cpus: [] for cpus in baselines}
    started, stopped = [], []
    with tempfile.TemporaryDirectory() as workdir:
        dtbs = {cpus: native_dtb(args.arch, workdir, cpus) for cpus in baselines}
        m = zone0_machine(args.arch, args.timeout)
        try:
            for _ in range(args.runs):
                for cpus, dtb in dtbs.items():
                    native[cpus].append(native_boot(args.arch, cpus, dtb, args.timeout))
                up, down = zone_cycle(m, args.timeout)
                started.append(up)
                stopped.append(down)
        finally:
            m.close()

    start_median = statistics.median(started)
    print(f"\nzone1 on {args.arch} (Debian kernel + busybox initramfs, 2 CPUs, "
          f"{ARCHES[args.arch]['zone1_ram']}), medians of {args.runs}")
    print(f"| {'measure':<56} | {'seconds':>8} |")
    print(f"|{'-' * 58}|{'-' * 10}|")
    for cpus, label in baselines.items():
        print(f"| {label + ': QEMU start -> zone1 ready':<56} | "
              f"{statistics.median(native[cpus]):8.2f} |")
    print(f"| {'tessera: zone start -> zone1 ready':<56} | {start_median:8.2f} |")
    for cpus, label in baselines.items():
        print(f"| {'ratio tessera / ' + label:<56} | "
              f"{start_median / statistics.median(native[cpus]):8.2f} |")
    print(f"| {'tessera: zone shutdown -> CPUs parked':<56} | "
          f"{statistics.median(stopped):8.2f} |")


if __name__ == "__main__":
    main()
