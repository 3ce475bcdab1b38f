import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes many minutes; `make test-slow` runs it")
    config.addinivalue_line("markers", "riscv64: boots the riscv64 build; `make ARCH=riscv64 test` runs it")

from qemu_machine import (ARCHITECTURES, BOOT_TIMEOUT, DEFAULT_CPUS, STEP_TIMEOUT, Machine,
                          build_path, guest_pkgs_path)

SELFTEST_ADDR = 0xa0400000
SELFTEST_DTB_ADDR = 0xa0000000
ZONE0_KERNEL_ADDR = 0xa0400000
ZONE0_DTB_ADDR = 0xa0000000
ZONE0_INITRAMFS_ADDR = 0xb0000000


@pytest.fixture
def machine_factory():
    machines = []

    def start(images, timeout=STEP_TIMEOUT, cpus=DEFAULT_CPUS, qemu_args=()):
        machine = Machine(images, timeout, cpus=cpus, qemu_args=qemu_args)
        machines.append(machine)
        return machine

    yield start
    for machine in machines:
        machine.close()


@pytest.fixture
def selftest_machine(machine_factory):
    return machine_factory([
        (build_path("guests", "selftest.bin"), SELFTEST_ADDR),
        (build_path("guests", "selftest.dtb"), SELFTEST_DTB_ADDR),
    ])


@pytest.fixture
def zone0_linux_on(machine_factory):
    """Starts zone0 Linux on a machine of `cpus` CPUs (and any other QEMU
    options) and returns it at its shell prompt."""
    def start(cpus=DEFAULT_CPUS, qemu_args=()):
        machine = machine_factory([
            (build_path("guest-pkgs", "Image"), ZONE0_KERNEL_ADDR),
            (build_path("guests", "zone0.dtb"), ZONE0_DTB_ADDR),
            (build_path("guests", "zone0-initramfs.cpio"), ZONE0_INITRAMFS_ADDR),
        ], cpus=cpus, qemu_args=qemu_args)
        machine.expect(r"zone0 ready", timeout=BOOT_TIMEOUT)
        machine.expect(r"# ")
        # The shell's line editor wraps at the terminal width, which would
        # break a long typed command's echo; the serial console reports none.
        machine.run("stty columns 4096")
        return machine

    return start


@pytest.fixture
def zone0_linux(zone0_linux_on):
    """zone0 Linux booted to its shell prompt."""
    return zone0_linux_on()


def boot_riscv64_zone0(cpus=DEFAULT_CPUS):
    """riscv64's zone0 Linux on a machine of `cpus` harts, booted by tessera
    to its shell prompt."""
    riscv64 = ARCHITECTURES["riscv64"]
    machine = Machine([
        (guest_pkgs_path("Image", arch="riscv64"), riscv64["zone0_kernel"]),
        (build_path("guests", "zone0.dtb", arch="riscv64"), riscv64["zone0_dtb"]),
        (build_path("guests", "zone0-initramfs.cpio", arch="riscv64"),
         riscv64["zone0_initramfs"]),
    ], cpus=cpus, arch="riscv64")
    try:
        machine.expect(r"zone0 ready", timeout=BOOT_TIMEOUT)
        machine.expect(r"# ")
        machine.run("stty columns 4096")
    except BaseException:
        machine.close()
        raise
    return machine


@pytest.fixture
def riscv64_zone0():
    """zone0 Linux on the riscv64 board, booted by tessera to its shell
    prompt, for the tests marked `riscv64` (`make ARCH=riscv64 test`)."""
    machine = boot_riscv64_zone0()
    yield machine
    machine.close()


@pytest.fixture(scope="module")
def riscv64_zone0_shared():
    """riscv64's zone0 Linux booted once for a whole test module: its tests
    run in order on the same machine, and each leaves it as it found it
    unless it is the module's last."""
    machine = boot_riscv64_zone0()
    yield machine
    machine.close()
