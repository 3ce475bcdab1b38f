"""A fault inside the hypervisor, provoked on purpose in the test-only image
(`make HV_SELFTEST=1`, build/hypervisor-selftest/): the report names the
exception class and gives ESR, FAR, ELR and the registers, and only the
faulting CPU stops. The hypfault guest runs in zone0: its vCPU 1 asks for
the fault, its vCPU 0 goes on using the hypervisor and powers off once a
key is typed, which the test does when it has read the whole report."""

import re

from conftest import SELFTEST_ADDR, SELFTEST_DTB_ADDR
from qemu_machine import Machine, build_path, make_variant

SELFTEST_IMAGE_DIR = "hypervisor-selftest"
UNMAPPED_PAST_RAM = 0x140000000  # QEMU virt's RAM ends at 5 GiB


def test_a_hypervisor_fault_is_reported_and_stops_only_its_cpu():
    make_variant(["HV_SELFTEST=1"], ["hypervisor", "{build}/guests/hypfault.bin",
                                     "{build}/guests/selftest.dtb"])
    m = Machine([
        (build_path("guests", "hypfault.bin"), SELFTEST_ADDR),
        (build_path("guests", "selftest.dtb"), SELFTEST_DTB_ADDR),
    ], hypervisor=(SELFTEST_IMAGE_DIR, "tessera.bin"))
    try:
        m.expect(r"zone 0 vcpu 1 starts")
        m.expect(r"\[tessera cpu1 ERROR\] hypervisor fault: synchronous exception, "
                 r"EC 0x25 \(data abort\)")
        regs = m.expect(r"ESR 0x([0-9a-f]{16})  FAR 0x([0-9a-f]{16})  ELR 0x([0-9a-f]{16})")
        esr, far, elr = (int(v, 16) for v in regs.group(1, 2, 3))
        assert esr >> 26 == 0x25, hex(esr)
        assert far == UNMAPPED_PAST_RAM, hex(far)
        assert 0x40400000 <= elr < 0x41000000, f"ELR {elr:#x} is not in the hypervisor image"
        for first in range(0, 30, 3):
            m.expect(rf"x{first:<2} 0x[0-9a-f]{{16}}  x{first + 1:<2} 0x[0-9a-f]{{16}}")
        m.expect(r"x30 0x[0-9a-f]{16}  SP  0x[0-9a-f]{16}")
        m.expect(r"\[tessera cpu1 ERROR\] CPU 1 stopped")
        m.send_line("")

        m.expect(r"hypfault: vCPU 0 still runs after the fault on vCPU 1's CPU")
        m.expect(r"hypfault: (\d+) passed, 0 failed")
        assert m.wait_exit() == 0
        console = m.output()
        assert "hypfault: FAIL" not in console
        assert re.findall(r"CPU \d+ stopped", console) == ["CPU 1 stopped"]
        assert console.count("hypervisor fault") == 1
    finally:
        m.close()
