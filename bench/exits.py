#!/usr/bin/python3
"""Cost of guest exits under tessera, against the same operations natively.

guests/exitbench times, with the virtual counter, a null hypercall, reads of
GICD_TYPER and of its own GICR_TYPER, an SGI round trip between its two
vCPUs, an EOI of an acknowledged SGI, the virtual timer's latency from
its deadline to the IRQ vector, and a TLB refill (the first load from a page
after dropping the TLB), where tessera adds the stage-2 walk. Two rows never
leave EL1 and are QEMU's floor under the trap rows: an exception round trip
(under a hypercall) and a load that faults in translation (under a trapped
MMIO read). The guest times each trap row in batches alternating with its
floor's and reports the median difference; the second table gives those,
which the host's speed, drifting within seconds, moves far less than the
rows. Each row in the guest is the median of 15 batch means. The tessera
side runs it in zone0 (QEMU with EL2, 4 CPUs), the native side on QEMU
without EL2 (2 CPUs), where there is no hypercall.
Runs alternate between the sides; the table gives the medians over runs.

`--arch riscv64` runs guests/exitbench-riscv64, timed with the time CSR:
a null hypercall (ecall to extension 0x114514 with an unknown code), SBI
base get_spec_version, a read of a PLIC source's priority (zone0's UART;
trapped to the vPLIC), an SBI IPI round trip between two harts, and Sstc's
timer from its deadline to the vector; QEMU's floor is a breakpoint taken
and skipped by the guest's own S-mode vector. The tessera side runs it as
zone0 (-smp 4), the native side on QEMU with OpenSBI and no hypervisor
(-smp 2), where the same operations are OpenSBI's (the ecalls, the IPI) or
QEMU's device and timer alone: natively every row is the floor for the same
operation without a hypervisor.
"""
import argparse
import re
import statistics
import subprocess
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOP / "tests" / "system"))
from qemu_machine import MACHINE, build_path, loader, machine_options  # noqa: E402

# guests/exitbench/exitbench.mk links the guest here: zone0's kernel address,
# which is also in the native machine's RAM (0x40000000 up).
AARCH64_LOAD_ADDR = 0xa0400000
AARCH64_NATIVE = ["qemu-system-aarch64", "-M", "virt,gic-version=3", "-cpu", "cortex-a72",
                  "-smp", "2", "-m", "4G", "-nographic", "-no-reboot", "-nic", "none"]
# guests/exitbench-riscv64: zone0's entry point and DTB address; natively
# OpenSBI starts the ELF at its entry, the same address.
RISCV64_LOAD_ADDR = 0x90200000
RISCV64_DTB_ADDR = 0x90000000
RISCV64_NATIVE = ["qemu-system-riscv64", "-M", "virt", "-cpu", "rv64", "-bios", "default",
                  "-smp", "2", "-m", "4G", "-nographic", "-no-reboot", "-nic", "none"]

ROWS = {
    "aarch64": {
        "hypercall": "null hypercall",
        "gicd-read": "GICD_TYPER read",
        "gicr-read": "GICR_TYPER read (own frame)",
        "sgi-round-trip": "SGI round trip vCPU 0 -> 1 -> 0",
        "eoi": "EOI of an acknowledged SGI",
        "timer-latency": "virtual timer deadline -> IRQ vector",
        "tlb-refill": "TLB refill (first load from a page)",
        "exception-floor": "QEMU floor: EL1 exception round trip",
        "fault-floor": "QEMU floor: EL1 faulting load",
    },
    "riscv64": {
        "hypercall": "null hypercall (natively to OpenSBI)",
        "sbi-spec-version": "SBI base get_spec_version",
        "plic-read": "PLIC priority read (vPLIC)",
        "ipi-round-trip": "SBI IPI round trip hart 0 -> 1 -> 0",
        "timer-latency": "Sstc timer deadline -> vector",
        "exception-floor": "QEMU floor: S-mode breakpoint trip",
    },
}
# Under tessera the hypervisor prints zone0's SBI console lines behind its name.
ROW_LINE = re.compile(r"^(?:\[zone0\] )?exitbench: (\S+) (-?\d+)\r?$", re.MULTILINE)
# Each trap row against the row that costs QEMU the same without a hypervisor.
FLOORS = {
    "aarch64": {"hypercall": "exception-floor", "gicd-read": "fault-floor",
                "gicr-read": "fault-floor"},
    "riscv64": {"hypercall": "exception-floor", "sbi-spec-version": "exception-floor",
                "plic-read": "exception-floor"},
}


def tessera_command(arch):
    if arch == "riscv64":
        return machine_options(arch=arch) + [
            "-kernel", build_path("hypervisor", "tessera.bin", arch=arch)] + \
            loader(build_path("guests", "exitbench.bin", arch=arch), RISCV64_LOAD_ADDR) + \
            loader(build_path("guests", "zone0.dtb", arch=arch), RISCV64_DTB_ADDR)
    return MACHINE + ["-kernel", build_path("hypervisor", "tessera.bin")] + \
        loader(build_path("guests", "exitbench.bin"), AARCH64_LOAD_ADDR)


def native_command(arch):
    if arch == "riscv64":
        return RISCV64_NATIVE + ["-kernel", build_path("guests", "exitbench.elf", arch=arch)]
    # cpu-num: QEMU starts CPU 0 at the image; a raw binary gets no DTB.
    return AARCH64_NATIVE + ["-device", f"loader,file={build_path('guests', 'exitbench.bin')},"
                                        f"addr={AARCH64_LOAD_ADDR:#x},cpu-num=0,force-raw=on"]


COMMANDS = {"tessera": tessera_command, "native": native_command}


def expected_rows(arch, side):
    """Natively there is no hypervisor: no share above a floor, and on
    aarch64 nothing to call."""
    if side == "tessera":
        return list(ROWS[arch]) + [f"{row}-above-floor" for row in FLOORS[arch]]
    return [row for row in ROWS[arch] if arch != "aarch64" or row != "hypercall"]


def run_once(command, expected_rows, timeout):
    """The guest's rows as {row: ns}; the guest powers QEMU off at the end."""
    try:
        result = subprocess.run(command, capture_output=True, text=True, errors="replace",
                                timeout=timeout, stdin=subprocess.DEVNULL, check=False)
    except subprocess.TimeoutExpired as error:
        output = error.stdout.decode(errors="replace") if error.stdout else ""
        raise SystemExit(f"{' '.join(command)}\ntimed out; console tail:\n{output[-2000:]}")
    if result.returncode != 0 or "exitbench: done" not in result.stdout:
        raise SystemExit(f"{' '.join(command)}\nexited with status {result.returncode}; "
                         f"console tail:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    if "not the floor's exception" in result.stdout:
        raise SystemExit(f"{' '.join(command)}\na QEMU floor row took another exception "
                         f"and timed something else; console tail:\n{result.stdout[-2000:]}")
    rows = {row: int(ns) for row, ns in ROW_LINE.findall(result.stdout)}
    missing = [row for row in expected_rows if row not in rows]
    if missing:
        raise SystemExit(f"{' '.join(command)}\nno row {', '.join(missing)}; "
                         f"console tail:\n{result.stdout[-2000:]}")
    return rows


def cell(values, width):
    return f"{statistics.median(values):>{width}.0f}" if values else f"{'-':>{width}}"


def print_table(arch, results, runs):
    print(f"\nexitbench on {arch}, medians of {runs} runs per side (ns per operation)")
    print(f"| {'row':<38} | {'tessera ns':>10} | {'native ns':>10} | {'ratio':>6} |")
    print(f"|{'-' * 40}|{'-' * 12}|{'-' * 12}|{'-' * 8}|")
    for row, label in ROWS[arch].items():
        tessera = [run[row] for run in results["tessera"] if row in run]
        native = [run[row] for run in results["native"] if row in run]
        ratio = "-"
        if tessera and native and statistics.median(native) > 0:
            ratio = f"{statistics.median(tessera) / statistics.median(native):.2f}"
        print(f"| {label:<38} | {cell(tessera, 10)} | {cell(native, 10)} | {ratio:>6} |")


def print_floor_table(arch, tessera_runs):
    print("\ntessera's share of each trap: the row above its QEMU floor timed beside it "
          "(ns, medians)")
    print(f"| {'row':<38} | {'floor':<38} | {'above':>6} |")
    print(f"|{'-' * 40}|{'-' * 40}|{'-' * 8}|")
    for row, floor in FLOORS[arch].items():
        above = [run[f"{row}-above-floor"] for run in tessera_runs]
        print(f"| {ROWS[arch][row]:<38} | {ROWS[arch][floor]:<38} | {cell(above, 6)} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arch", choices=list(ROWS), default="aarch64")
    parser.add_argument("--runs", type=int, default=5, help="runs per side")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per run")
    args = parser.parse_args()

    results = {side: [] for side in COMMANDS}
    for run in range(1, args.runs + 1):
        for side, command in COMMANDS.items():
            rows = run_once(command(args.arch), expected_rows(args.arch, side), args.timeout)
            results[side].append(rows)
            print(f"{side} run {run}/{args.runs}: "
                  + ", ".join(f"{row} {ns}" for row, ns in rows.items()), flush=True)
    print_table(args.arch, results, args.runs)
    print_floor_table(args.arch, results["tessera"])


if __name__ == "__main__":
    main()
