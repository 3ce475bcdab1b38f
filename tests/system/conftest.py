import pytest

from qemu_machine import Machine, build_path

SELFTEST_ADDR = 0xa0400000
SELFTEST_DTB_ADDR = 0xa0000000


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
