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
"""
import argparse
import re
import statistics
import subprocess
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOP / "tests" / "system"))
from qemu_machine import MACHINE, build_path, loader  # noqa: E402

# guests/exitbench/exitbench.mk links the guest here: zone0's kernel address,
# which is also in the native machine's RAM (0x40000000 up).
LOAD_ADDR = 0xa0400000
NATIVE = ["qemu-system-aarch64", "-M", "virt,gic-version=3", "-cpu", "cortex-a72",
          "-smp", "2", "-m", "4G", "-nographic", "-no-reboot", "-nic", "none"]

ROWS = {
    "hypercall": "null hypercall",
    "gicd-read": "GICD_TYPER read",
    "gicr-read": "GICR_TYPER read (own frame)",
    "sgi-round-trip": "SGI round trip vCPU 0 -> 1 -> 0",
    "eoi": "EOI of an acknowledged SGI",
    "timer-latency": "virtual timer deadline -> IRQ vector",
    "tlb-refill": "TLB refill (first load from a page)",
    "exception-floor": "QEMU floor: EL1 exception round trip",
    "fault-floor": "QEMU floor: EL1 faulting load",
}
ROW_LINE = re.compile(r"^exitbench: (\S+) (-?\d+)\r?$", re.MULTILINE)
# Each trap row against the EL1 row that costs QEMU the same without EL2.
FLOORS = {"hypercall": "exception-floor", "gicd-read": "fault-floor",
          "gicr-read": "fault-floor"}


def tessera_command(guest):
    return MACHINE + ["-kernel", build_path("hypervisor", "tessera.bin")] + \
        loader(guest, LOAD_ADDR)


def native_command(guest):
    # cpu-num: QEMU starts CPU 0 at the image; a raw binary gets no DTB.
    return NATIVE + ["-device", f"loader,file={guest},addr={LOAD_ADDR:#x},"
                                "cpu-num=0,force-raw=on"]


COMMANDS = {"tessera": tessera_command, "native": native_command}
# Natively there is no hypervisor to call.
EXPECTED_ROWS = {"tessera": list(ROWS) + [f"{row}-above-floor" for row in FLOORS],
                 "native": [row for row in ROWS if row != "hypercall"]}


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


def print_table(results, runs):
    print(f"\nexitbench, medians of {runs} runs per side (ns per operation)")
    print(f"| {'row':<38} | {'tessera ns':>10} | {'native ns':>10} | {'ratio':>6} |")
    print(f"|{'-' * 40}|{'-' * 12}|{'-' * 12}|{'-' * 8}|")
    for row, label in ROWS.items():
        tessera = [run[row] for run in results["tessera"] if row in run]
        native = [run[row] for run in results["native"] if row in run]
        ratio = "-"
        if tessera and native and statistics.median(native) > 0:
            ratio = f"{statistics.median(tessera) / statistics.median(native):.2f}"
        print(f"| {label:<38} | {cell(tessera, 10)} | {cell(native, 10)} | {ratio:>6} |")


def print_floor_table(tessera_runs):
    print("\ntessera's share of each trap: the row above its QEMU floor timed beside it "
          "(ns, medians)")
    print(f"| {'row':<38} | {'floor':<38} | {'above':>6} |")
    print(f"|{'-' * 40}|{'-' * 40}|{'-' * 8}|")
    for row, floor in FLOORS.items():
        above = [run[f"{row}-above-floor"] for run in tessera_runs]
        print(f"| {ROWS[row]:<38} | {ROWS[floor]:<38} | {cell(above, 6)} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per side")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per run")
    args = parser.parse_args()
    guest = build_path("guests", "exitbench.bin")

    results = {side: [] for side in COMMANDS}
    for run in range(1, args.runs + 1):
        for side, command in COMMANDS.items():
            rows = run_once(command(guest), EXPECTED_ROWS[side], args.timeout)
            results[side].append(rows)
            print(f"{side} run {run}/{args.runs}: "
                  + ", ".join(f"{row} {ns}" for row, ns in rows.items()), flush=True)
    print_table(results, args.runs)
    print_floor_table(results["tessera"])


if __name__ == "__main__":
    main()
