import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes many minutes; `make test-slow` runs it")

from qemu_machine import Machine, build_path

SELFTEST_ADDR = 0xa0400000
SELFTEST_DTB_ADDR = 0xa0000000
ZONE0_KERNEL_ADDR = 0xa0400000
ZONE0_DTB_ADDR = 0xa0000000
ZONE0_INITRAMFS_ADDR = 0xb0000000


@pytest.fixture
def machine_factory():
    machines = []

    def start(images, timeout=60):
        machine = Machine(images, timeout)
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
def zone0_linux(machine_factory):
    """zone0 Linux booted to its shell prompt."""
    machine = machine_factory([
        (build_path("guest-pkgs", "Image"), ZONE0_KERNEL_ADDR),
        (build_path("guests", "zone0.dtb"), ZONE0_DTB_ADDR),
        (build_path("guests", "zone0-initramfs.cpio"), ZONE0_INITRAMFS_ADDR),
    ], timeout=120)
    machine.expect(r"zone0 ready")
    machine.expect(r"# ")
    # The shell's line editor wraps at the terminal width, which would break
    # a long typed command's echo; the serial console reports none.
    machine.run("stty columns 4096")
    return machine
