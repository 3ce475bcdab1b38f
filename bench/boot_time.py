#!/usr/bin/python3
"""Boot time of zone0's Linux: natively on QEMU against under tessera.

Two native baselines, both with zone0's kernel, initramfs and device tree:
on the same 4-CPU machine tessera runs on, with Linux limited to zone0's 2
CPUs (`maxcpus=2`: the fair "same board" comparison), and on a 2-CPU
machine. Each run starts QEMU, times the wall clock from start to the console line
"zone0 ready", then types `poweroff` and waits for QEMU to exit. QEMU's CPU
time (user+sys) covers the whole run, power-off included. Runs alternate
between the two sides so that load on the host affects both alike.
"""
import argparse
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import pexpect

from board_dt import add_psci_cpus, fdtput

TOP = Path(__file__).resolve().parent.parent

# -nic none: QEMU's default NIC needs a ROM file that is not installed, and
# zone0 has no PCIe to use it anyway.
QEMU = ["qemu-system-aarch64", "-M", "virt,gic-version=3,virtualization=on",
        "-cpu", "cortex-a72", "-nographic", "-no-reboot", "-nic", "none"]

# Load addresses tessera expects; they match guests/linux/linux.mk.
KERNEL_ADDR = 0xa0400000
DTB_ADDR = 0xa0000000
INITRAMFS_ADDR = 0xb0000000


# zone0's RAM under tessera (0x50000000-0xbfffffff).
ZONE0_RAM = "1792M"
ZONE0_BOOTARGS = "console=ttyAMA0 rdinit=/init"


def native_command(args, cpus, dtb, extra_bootargs=""):
    # zone0's DT; QEMU rewrites /memory and the initrd range in it to match
    # its own RAM and loading.
    return QEMU + ["-smp", str(cpus), "-m", ZONE0_RAM, "-kernel", args.kernel,
                   "-initrd", args.initramfs, "-dtb", dtb,
                   "-append", f"{ZONE0_BOOTARGS} {extra_bootargs}".strip()]


def four_cpu_dtb(dtb, directory):
    """zone0's DT with the board's CPUs 2-3 and their redistributor frames
    added: Linux on QEMU hangs early when the DT lists fewer CPUs than the
    machine has, so the same-board baseline describes the whole board and
    limits Linux with maxcpus=2 instead."""
    out = Path(directory) / "zone0-4cpus.dtb"
    shutil.copyfile(dtb, out)
    add_psci_cpus(out, (2, 3))
    fdtput(out, "-t", "x", "/intc@8000000", "reg",
           "0", "8000000", "0", "10000", "0", "80a0000", "0", "80000")
    return str(out)


def native_same_board_command(args):
    return native_command(args, 4, args.four_cpu_dtb, "maxcpus=2")


def native_two_cpus_command(args):
    return native_command(args, 2, args.dtb)


def tessera_command(args):
    loaders = []
    for path, addr in ((args.kernel, KERNEL_ADDR), (args.dtb, DTB_ADDR),
                       (args.initramfs, INITRAMFS_ADDR)):
        loaders += ["-device", f"loader,file={path},addr={addr:#x},force-raw=on"]
    return QEMU + ["-smp", "4", "-m", "4G", "-kernel", args.hypervisor] + loaders


COMMANDS = {"native, 4 CPUs, maxcpus=2": native_same_board_command,
            "native, 2 CPUs": native_two_cpus_command,
            "tessera": tessera_command}
BASELINES = [side for side in COMMANDS if side != "tessera"]


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def boot_once(command, timeout):
    """Returns (seconds to "zone0 ready", QEMU's CPU seconds for the run)."""
    # pexpect reaps QEMU itself, so its CPU time shows up as the growth of
    # this process's reaped-children usage; only one QEMU runs at a time.
    cpu_before = children_cpu_seconds()
    start = time.monotonic()
    qemu = pexpect.spawn(command[0], command[1:], cwd=TOP, timeout=timeout,
                         encoding="utf-8", codec_errors="replace")
    try:
        qemu.expect_exact("zone0 ready")
        ready = time.monotonic() - start
        qemu.expect_exact("# ")
        qemu.sendline("poweroff")
        qemu.expect(pexpect.EOF)
    except (pexpect.TIMEOUT, pexpect.EOF) as error:
        tail = (qemu.before or "")[-2000:]
        raise SystemExit(f"{' '.join(command)}\nfailed ({type(error).__name__}); "
                         f"console tail:\n{tail}")
    finally:
        qemu.close(force=True)
    if qemu.exitstatus != 0:
        raise SystemExit(f"{' '.join(command)}\nexited with status "
                         f"{qemu.exitstatus}, signal {qemu.signalstatus}")
    return ready, children_cpu_seconds() - cpu_before


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per side")
    parser.add_argument("--only", choices=["native", "tessera"],
                        help="measure the native baselines or tessera only")
    parser.add_argument("--timeout", type=float, default=180,
                        help="seconds allowed per run for each step")
    parser.add_argument("--kernel", default="build/guest-pkgs/Image")
    parser.add_argument("--initramfs", default="build/guests/zone0-initramfs.cpio")
    parser.add_argument("--dtb", default="build/guests/zone0.dtb")
    parser.add_argument("--hypervisor", default="build/hypervisor/tessera.bin")
    args = parser.parse_args()
    sides = list(COMMANDS)
    if args.only:
        sides = ["tessera"] if args.only == "tessera" else BASELINES
    needed = [args.kernel, args.initramfs, args.dtb]
    if "tessera" in sides:
        needed.append(args.hypervisor)
    missing = [path for path in needed if not (TOP / path).is_file()]
    if missing:
        parser.error(f"missing {', '.join(missing)} (relative to {TOP}); run make first")
    return args, sides


def print_table(results):
    width = 34
    print(f"\n{'':{width}}{'runs':>6}{'wall to ready (s)':>20}{'QEMU CPU (s)':>16}")
    medians = {}
    for side, runs in results.items():
        wall = statistics.median(ready for ready, _ in runs)
        cpu = statistics.median(cpu for _, cpu in runs)
        medians[side] = wall, cpu
        print(f"{side:{width}}{len(runs):>6}{wall:>20.2f}{cpu:>16.2f}")
    if "tessera" in medians:
        tessera_wall, tessera_cpu = medians["tessera"]
        for baseline in BASELINES:
            if baseline in medians:
                native_wall, native_cpu = medians[baseline]
                label = f"tessera / {baseline}"
                print(f"{label:{width}}{'':>6}{tessera_wall / native_wall:>20.2f}"
                      f"{tessera_cpu / native_cpu:>16.2f}")
    print("(medians; CPU time is user+sys of QEMU for the whole run, power-off included)")


def main():
    args, sides = parse_args()
    scratch = tempfile.TemporaryDirectory(prefix="boot_time-")
    args.four_cpu_dtb = four_cpu_dtb(TOP / args.dtb, scratch.name)
    results = {side: [] for side in sides}
    for run in range(1, args.runs + 1):
        for side in sides:
            ready, cpu = boot_once(COMMANDS[side](args), args.timeout)
            results[side].append((ready, cpu))
            print(f"{side} run {run}/{args.runs}: ready after {ready:.2f} s, "
                  f"QEMU CPU {cpu:.2f} s", flush=True)
    print_table(results)


if __name__ == "__main__":
    main()
