# Tests: host unit tests (cmocka), static analysis, system tests (pytest +
# pexpect driving QEMU).
include tests/unit/unit.mk

CPPCHECK_COMMON := --quiet --error-exitcode=1 --enable=warning,style,performance,portability \
                   --inline-suppr --std=c11 --suppress=missingIncludeSystem \
                   -Iinclude -Ihypervisor/include
CPPCHECK_FLAGS := $(CPPCHECK_COMMON) -Ihypervisor/arch/aarch64/include
# Each architecture's code with its own headers and zone config layout.
CPPCHECK_RISCV64 := $(CPPCHECK_COMMON) -Ihypervisor/arch/riscv64/include -D__riscv \
                    -DTESSERA_TARGET_RISCV64

cppcheck:
	cppcheck $(CPPCHECK_FLAGS) -Iguests/baremetal hypervisor/core hypervisor/arch/aarch64 hypervisor/platform/qemu-virt guests/baremetal guests/selftest guests/zoneprobe guests/hypfault guests/chaos guests/exitbench guests/virtiohostile guests/virtioflood
	cppcheck $(CPPCHECK_RISCV64) -Iguests/baremetal-riscv64 -Iguests/baremetal hypervisor/arch/riscv64 hypervisor/platform/qemu-virt-riscv64 tools/cli/riscv64 guests/baremetal-riscv64 guests/zoneprobe-riscv64 guests/chaos-riscv64 guests/exitbench-riscv64
	cppcheck $(CPPCHECK_FLAGS) -Itools/cli -itools/cli/riscv64 tools tests/tools tests/hvisor_like_daemon guests/linux

# The slow tests (marked `slow`) run in `make test-slow` only; the riscv64
# ones (marked `riscv64`) in `make ARCH=riscv64 test` only.
ifeq ($(ARCH),riscv64)
SYSTEM_TEST_MARKS := riscv64
else
SYSTEM_TEST_MARKS := not riscv64
endif

system-test: all
	$(PYTHON) -m pytest -v -m "not slow and $(SYSTEM_TEST_MARKS)" tests/system

test-slow: all
	$(PYTHON) -m pytest -v -m "slow and $(SYSTEM_TEST_MARKS)" tests/system
