#!/usr/bin/python3
"""Boot time of zone0's Linux: natively on QEMU against under tessera.

Each run starts QEMU, times the wall clock from start to the console line
"zone0 ready", then types `poweroff` and waits for QEMU to exit. QEMU's CPU
time (user+sys) covers the whole run, power-off included. Runs alternate
between the two sides so that load on the host affects both alike.
"""
import argparse
import resource
import statistics
import time
from pathlib import Path

import pexpect

TOP = Path(__file__).resolve().parent.parent

# -nic none: QEMU's default NIC needs a ROM file that is not installed, and
# zone0 has no PCIe to use it anyway.
QEMU = ["qemu-system-aarch64", "-M", "virt,gic-version=3,virtualization=on",
        "-cpu", "cortex-a72", "-nographic", "-no-reboot", "-nic", "none"]

# Load addresses tessera expects; they match guests/linux/linux.mk.
KERNEL_ADDR = 0xa0400000
DTB_ADDR = 0xa0000000
INITRAMFS_ADDR = 0xb0000000


def native_command(args):
    # Same CPU count and the same DT as zone0; QEMU rewrites /memory and the
    # initrd range in the DT to match its own RAM and loading.
    return QEMU + ["-smp", "2", "-m", "1792M", "-kernel", args.kernel,
                   "-initrd", args.initramfs, "-dtb", args.dtb]


def tessera_command(args):
    loaders = []
    for path, addr in ((args.kernel, KERNEL_ADDR), (args.dtb, DTB_ADDR),
                       (args.initramfs, INITRAMFS_ADDR)):
        loaders += ["-device", f"loader,file={path},addr={addr:#x},force-raw=on"]
    return QEMU + ["-smp", "4", "-m", "4G", "-kernel", args.hypervisor] + loaders


COMMANDS = {"native": native_command, "tessera": tessera_command}


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
    parser.add_argument("--only", choices=sorted(COMMANDS),
                        help="measure one side only")
    parser.add_argument("--timeout", type=float, default=180,
                        help="seconds allowed per run for each step")
    parser.add_argument("--kernel", default="build/guest-pkgs/Image")
    parser.add_argument("--initramfs", default="build/guests/zone0-initramfs.cpio")
    parser.add_argument("--dtb", default="build/guests/zone0.dtb")
    parser.add_argument("--hypervisor", default="build/hypervisor/tessera.bin")
    args = parser.parse_args()
    sides = [args.only] if args.only else ["native", "tessera"]
    needed = [args.kernel, args.initramfs, args.dtb]
    if "tessera" in sides:
        needed.append(args.hypervisor)
    missing = [path for path in needed if not (TOP / path).is_file()]
    if missing:
        parser.error(f"missing {', '.join(missing)} (relative to {TOP}); run make first")
    return args, sides


def print_table(results):
    print(f"\n{'':16}{'runs':>6}{'wall to ready (s)':>20}{'QEMU CPU (s)':>16}")
    medians = {}
    for side, runs in results.items():
        wall = statistics.median(ready for ready, _ in runs)
        cpu = statistics.median(cpu for _, cpu in runs)
        medians[side] = wall, cpu
        print(f"{side:16}{len(runs):>6}{wall:>20.2f}{cpu:>16.2f}")
    if len(medians) == 2:
        (native_wall, native_cpu), (tessera_wall, tessera_cpu) = \
            medians["native"], medians["tessera"]
        print(f"{'tessera/native':16}{'':>6}{tessera_wall / native_wall:>20.2f}"
              f"{tessera_cpu / native_cpu:>16.2f}")
    print("(medians; CPU time is user+sys of QEMU for the whole run, power-off included)")


def main():
    args, sides = parse_args()
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
