"""zone0's riscv64 kernel and initramfs booted natively, without tessera:
proves the Debian 13 kernel, the busybox initramfs, the static CLI and
hvisor.ko (its hypercalls answered "not supported" by OpenSBI) before the
hypervisor boots them. QEMU's own DT describes the machine; zone0's DT needs
tessera (no CLINT for OpenSBI, RAM from 0x90000000). About 5 s.

Runs under `make ARCH=riscv64 test` (the riscv64 mark); tests/tests.mk
leaves it out of aarch64's."""

import pytest

from qemu_machine import BOOT_TIMEOUT, Machine, build_path, guest_pkgs_path

pytestmark = pytest.mark.riscv64


@pytest.fixture
def native_zone0():
    machine = Machine([], hypervisor=None, cpus=2, arch="riscv64", qemu_args=[
        "-kernel", guest_pkgs_path("Image", arch="riscv64"),
        "-initrd", build_path("guests", "zone0-initramfs.cpio", arch="riscv64"),
        "-append", "console=ttyS0 rdinit=/init",
    ])
    yield machine
    machine.close()


def test_zone0_reaches_its_shell_natively(native_zone0):
    native_zone0.expect(r"zone0 ready", timeout=BOOT_TIMEOUT)
    native_zone0.expect(r"# ")
    native_zone0.run("stty columns 4096")

    assert "2" == native_zone0.run("grep -c '^processor' /proc/cpuinfo").strip()
    assert "usage: tessera" in native_zone0.run("tessera help")
    assert "hvisor " in native_zone0.run("lsmod")
    # Loaded, and its first hypercall got the firmware's "not supported".
    assert "hypervisor config check failed (-38)" in native_zone0.run("dmesg | grep hvisor:")

    native_zone0.send_line("poweroff")
    native_zone0.wait_exit()
