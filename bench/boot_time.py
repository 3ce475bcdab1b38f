#!/usr/bin/python3
"""Boot time of zone0's Linux: natively on QEMU against under tessera.

Two native baselines, both with zone0's kernel, initramfs and device tree:
on the same 4-CPU machine tessera runs on, with Linux limited to zone0's 2
CPUs (`maxcpus=2`: the fair "same board" comparison), and on a 2-CPU
machine. Each run starts QEMU, times the wall clock from start to the console line
"zone0 ready", then types `poweroff` and waits for QEMU to exit. QEMU's CPU
time (user+sys) covers the whole run, power-off included. Runs alternate
between the two sides so that load on the host affects both alike.

`--arch riscv64` times the riscv64 port the same way (QEMU virt, OpenSBI,
`-smp 4 -m 4G` under tessera) against one native baseline: the same board,
4 harts with `maxcpus=2` and zone0's 1792 MiB. Its DT is zone0's, made to
boot natively (bench/board_dt.py's riscv_native_dtb): harts 2-3 and every
hart's M-mode PLIC contexts added, the CLINT and sifive_test that OpenSBI
needs, and the RAM moved to 0x80000000, where QEMU's RAM starts. A 2-hart
riscv64 baseline is left out: on riscv64 OpenSBI, not Linux, needs every
hart in the DT, so the same-board DT is the only one zone0's can become.
"""
import argparse
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import pexpect

from board_dt import add_psci_cpus, fdtput, riscv_native_dtb

TOP = Path(__file__).resolve().parent.parent

# -nic none: QEMU's default NIC needs a ROM file that is not installed, and
# zone0 has no PCIe to use it anyway. Load addresses are tessera's for zone0
# (guests/linux/linux.mk); RAM is zone0's under tessera.
ARCHES = {
    "aarch64": {
        "qemu": ["qemu-system-aarch64", "-M", "virt,gic-version=3,virtualization=on",
                 "-cpu", "cortex-a72", "-nographic", "-no-reboot", "-nic", "none"],
        "kernel_addr": 0xa0400000, "dtb_addr": 0xa0000000, "initramfs_addr": 0xb0000000,
        "ram": "1792M",  # 0x50000000-0xbfffffff
        "bootargs": "console=ttyAMA0 rdinit=/init",
        "kernel": "build/guest-pkgs/Image", "build": "build",
        "baselines": ["native, 4 CPUs, maxcpus=2", "native, 2 CPUs"],
    },
    "riscv64": {
        "qemu": ["qemu-system-riscv64", "-M", "virt", "-cpu", "rv64", "-bios", "default",
                 "-nographic", "-no-reboot", "-nic", "none"],
        "kernel_addr": 0x90200000, "dtb_addr": 0x90000000, "initramfs_addr": 0xa0000000,
        "ram": "1792M",  # 0x90000000-0xffffffff
        "ram_bytes": 0x70000000,
        "bootargs": "console=ttyS0 earlycon=sbi rdinit=/init",
        "kernel": "build/guest-pkgs-riscv64/Image", "build": "build/riscv64",
        "baselines": ["native, 4 harts, maxcpus=2"],
    },
}


def native_command(args, cpus, dtb, extra_bootargs=""):
    arch = ARCHES[args.arch]
    # On aarch64 QEMU rewrites /memory and the initrd range in the DT to
    # match its own RAM and loading; on riscv64 only the initrd range.
    return arch["qemu"] + ["-smp", str(cpus), "-m", arch["ram"], "-kernel", args.kernel,
                           "-initrd", args.initramfs, "-dtb", dtb,
                           "-append", f"{arch['bootargs']} {extra_bootargs}".strip()]


def four_cpu_dtb(args, directory):
    """zone0's DT for the same-board baseline. aarch64: the board's CPUs 2-3
    and their redistributor frames added, since Linux on QEMU hangs early
    when the DT lists fewer CPUs than the machine has; maxcpus=2 limits
    Linux instead. riscv64: see riscv_native_dtb."""
    out = Path(directory) / "zone0-4cpus.dtb"
    shutil.copyfile(TOP / args.dtb, out)
    if args.arch == "riscv64":
        riscv_native_dtb(out, ARCHES["riscv64"]["ram_bytes"])
        return str(out)
    add_psci_cpus(out, (2, 3))
    fdtput(out, "-t", "x", "/intc@8000000", "reg",
           "0", "8000000", "0", "10000", "0", "80a0000", "0", "80000")
    return str(out)


def native_same_board_command(args):
    return native_command(args, 4, args.four_cpu_dtb, "maxcpus=2")


def native_two_cpus_command(args):
    return native_command(args, 2, args.dtb)


def tessera_command(args):
    arch = ARCHES[args.arch]
    loaders = []
    for path, addr in ((args.kernel, arch["kernel_addr"]), (args.dtb, arch["dtb_addr"]),
                       (args.initramfs, arch["initramfs_addr"])):
        loaders += ["-device", f"loader,file={path},addr={addr:#x},force-raw=on"]
    return arch["qemu"] + ["-smp", "4", "-m", "4G", "-kernel", args.hypervisor] + loaders


COMMANDS = {"native, 4 CPUs, maxcpus=2": native_same_board_command,
            "native, 4 harts, maxcpus=2": native_same_board_command,
            "native, 2 CPUs": native_two_cpus_command,
            "tessera": tessera_command}


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
    parser.add_argument("--arch", choices=list(ARCHES), default="aarch64",
                        help="the port to time (the defaults of the paths follow it)")
    parser.add_argument("--runs", type=int, default=5, help="runs per side")
    parser.add_argument("--only", choices=["native", "tessera"],
                        help="measure the native baselines or tessera only")
    parser.add_argument("--timeout", type=float, default=180,
                        help="seconds allowed per run for each step")
    parser.add_argument("--kernel")
    parser.add_argument("--initramfs")
    parser.add_argument("--dtb")
    parser.add_argument("--hypervisor")
    args = parser.parse_args()
    arch = ARCHES[args.arch]
    build = arch["build"]
    args.kernel = args.kernel or arch["kernel"]
    args.initramfs = args.initramfs or f"{build}/guests/zone0-initramfs.cpio"
    args.dtb = args.dtb or f"{build}/guests/zone0.dtb"
    args.hypervisor = args.hypervisor or f"{build}/hypervisor/tessera.bin"
    sides = arch["baselines"] + ["tessera"]
    if args.only:
        sides = ["tessera"] if args.only == "tessera" else arch["baselines"]
    needed = [args.kernel, args.initramfs, args.dtb]
    if "tessera" in sides:
        needed.append(args.hypervisor)
    missing = [path for path in needed if not (TOP / path).is_file()]
    if missing:
        make = "make" if args.arch == "aarch64" else f"make ARCH={args.arch}"
        parser.error(f"missing {', '.join(missing)} (relative to {TOP}); run {make} first")
    return args, sides


def print_table(arch, results):
    width = 34
    print(f"\nzone0's boot on {arch}")
    print(f"{'':{width}}{'runs':>6}{'wall to ready (s)':>20}{'QEMU CPU (s)':>16}")
    medians = {}
    for side, runs in results.items():
        wall = statistics.median(ready for ready, _ in runs)
        cpu = statistics.median(cpu for _, cpu in runs)
        medians[side] = wall, cpu
        print(f"{side:{width}}{len(runs):>6}{wall:>20.2f}{cpu:>16.2f}")
    if "tessera" in medians:
        tessera_wall, tessera_cpu = medians["tessera"]
        for baseline in ARCHES[arch]["baselines"]:
            if baseline in medians:
                native_wall, native_cpu = medians[baseline]
                label = f"tessera / {baseline}"
                print(f"{label:{width}}{'':>6}{tessera_wall / native_wall:>20.2f}"
                      f"{tessera_cpu / native_cpu:>16.2f}")
    print("(medians; CPU time is user+sys of QEMU for the whole run, power-off included)")


def main():
    args, sides = parse_args()
    scratch = tempfile.TemporaryDirectory(prefix="boot_time-")
    args.four_cpu_dtb = four_cpu_dtb(args, scratch.name)
    results = {side: [] for side in sides}
    for run in range(1, args.runs + 1):
        for side in sides:
            ready, cpu = boot_once(COMMANDS[side](args), args.timeout)
            results[side].append((ready, cpu))
            print(f"{side} run {run}/{args.runs}: ready after {ready:.2f} s, "
                  f"QEMU CPU {cpu:.2f} s", flush=True)
    print_table(args.arch, results)


if __name__ == "__main__":
    main()
