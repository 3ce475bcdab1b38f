# Tests: host unit tests (cmocka), static analysis, system tests (pytest +
# pexpect driving QEMU).
include tests/unit/unit.mk

CPPCHECK_FLAGS := --quiet --error-exitcode=1 --enable=warning,style,performance,portability \
                  --inline-suppr --std=c11 --suppress=missingIncludeSystem \
                  -Iinclude -Ihypervisor/include -Ihypervisor/arch/aarch64/include

cppcheck:
	cppcheck $(CPPCHECK_FLAGS) -Iguests/baremetal hypervisor guests/baremetal guests/selftest guests/zoneprobe guests/hypfault guests/chaos guests/exitbench guests/virtiohostile guests/virtioflood
	cppcheck $(CPPCHECK_FLAGS) -Itools/cli tools tests/tools guests/linux

# The slow tests (marked `slow`) run in `make test-slow` only.
system-test: all
	$(PYTHON) -m pytest -v -m "not slow" tests/system

test-slow: all
	$(PYTHON) -m pytest -v -m slow tests/system
