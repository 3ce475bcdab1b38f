"""A fault inside the hypervisor, provoked on purpose in the test-only image
(`make HV_SELFTEST=1`, build/hypervisor-selftest/): the report names the
exception class and gives ESR, FAR, ELR and the registers, and only the
faulting CPU stops. The hypfault guest runs in zone0: its vCPU 1 asks for
the fault typed on the console (a read past RAM, or a stack overflow), its
vCPU 0 goes on using the hypervisor and powers off once a key is typed,
which the test does when it has read the whole report."""

import re
import subprocess

from conftest import SELFTEST_ADDR, SELFTEST_DTB_ADDR
from qemu_machine import Machine, build_path, make_variant

SELFTEST_IMAGE_DIR = "hypervisor-selftest"
UNMAPPED_PAST_RAM = 0x140000000  # QEMU virt's RAM ends at 5 GiB
# hypervisor/arch/aarch64/include/asm/trap_frame.h: each CPU's slot of
# cpu_stacks is a guard page below its stack.
CPU_STACK_GUARD_SIZE = 4096
CPU_STACK_SLOT = CPU_STACK_GUARD_SIZE + 16384
REPORT = (r"\[tessera cpu1 ERROR\] hypervisor fault: synchronous exception, "
          r"EC 0x25 \(data abort\)")


def start_hypfault(fault_key):
    """The hypfault guest on the selftest image, its vCPU 1 making the fault
    typed; waits for the report's first line (failing at once if the
    hypercall returned instead)."""
    make_variant(["HV_SELFTEST=1"], ["hypervisor", "{build}/guests/hypfault.bin",
                                     "{build}/guests/selftest.dtb"])
    m = Machine([
        (build_path("guests", "hypfault.bin"), SELFTEST_ADDR),
        (build_path("guests", "selftest.dtb"), SELFTEST_DTB_ADDR),
    ], hypervisor=(SELFTEST_IMAGE_DIR, "tessera.bin"))
    m.expect(r"hypfault: start")
    m.child.send(fault_key)
    m.expect(r"zone 0 vcpu 1 starts")
    first = m.expect(rf"{REPORT}|hypfault: the fault hypercall returned -?\d+").group(0)
    assert "hypervisor fault" in first, f"no fault: {first}\n{m.tail()}"
    return m


def expect_registers(m):
    """The rest of the report after its first lines; returns ESR, FAR, ELR."""
    regs = m.expect(r"ESR 0x([0-9a-f]{16})  FAR 0x([0-9a-f]{16})  ELR 0x([0-9a-f]{16})")
    for first in range(0, 30, 3):
        m.expect(rf"x{first:<2} 0x[0-9a-f]{{16}}  x{first + 1:<2} 0x[0-9a-f]{{16}}")
    m.expect(r"x30 0x[0-9a-f]{16}  SP  0x[0-9a-f]{16}")
    m.expect(r"\[tessera cpu1 ERROR\] CPU 1 stopped")
    return (int(v, 16) for v in regs.group(1, 2, 3))


def expect_zone0_runs_on(m):
    """vCPU 0, let go once the report is whole, still gets answers from the
    hypervisor and powers the machine off; nothing else stopped."""
    m.send_line("")
    m.expect(r"hypfault: vCPU 0 still runs after the fault on vCPU 1's CPU")
    m.expect(r"hypfault: (\d+) passed, 0 failed")
    assert m.wait_exit() == 0
    console = m.output()
    assert "hypfault: FAIL" not in console
    assert re.findall(r"CPU \d+ stopped", console) == ["CPU 1 stopped"]
    assert console.count("hypervisor fault") == 1


def in_hypervisor_image(address):
    return 0x40400000 <= address < 0x41000000


def symbol_address(elf, name):
    out = subprocess.run(["aarch64-linux-gnu-nm", elf], check=True, capture_output=True,
                         text=True).stdout
    return int(re.search(rf"^([0-9a-f]+) \w {name}$", out, re.MULTILINE).group(1), 16)


def test_a_hypervisor_fault_is_reported_and_stops_only_its_cpu():
    m = start_hypfault("r")
    try:
        esr, far, elr = expect_registers(m)
        assert esr >> 26 == 0x25, hex(esr)
        assert far == UNMAPPED_PAST_RAM, hex(far)
        assert in_hypervisor_image(elr), f"ELR {elr:#x} is not in the hypervisor image"
        assert "ERROR] stack overflow" not in m.output()
        expect_zone0_runs_on(m)
    finally:
        m.close()


def test_a_hypervisor_stack_overflow_faults_in_the_guard_page_and_stops_only_its_cpu():
    m = start_hypfault("s")
    try:
        named = m.expect(r"\[tessera cpu1 ERROR\] stack overflow: FAR 0x([0-9a-f]+) is in "
                         r"the guard page below CPU (\d+)'s stack")
        esr, far, elr = expect_registers(m)
        assert esr >> 26 == 0x25, hex(esr)
        assert (int(named.group(1), 16), int(named.group(2))) == (far, 1), named.group(0)
        # The report's claim, checked against the image's own symbol.
        guard = symbol_address(build_path(SELFTEST_IMAGE_DIR, "tessera.elf"), "cpu_stacks") + \
            1 * CPU_STACK_SLOT
        assert guard <= far < guard + CPU_STACK_GUARD_SIZE, f"FAR {far:#x}, guard {guard:#x}"
        assert in_hypervisor_image(elr), f"ELR {elr:#x} is not in the hypervisor image"
        expect_zone0_runs_on(m)
    finally:
        m.close()
