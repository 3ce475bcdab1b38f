# tessera: top-level build. `make` builds everything, `make run` boots the
# demo, `make test` runs every test; each installs missing dependencies first
# through scripts/setup.sh (quick once done).

# `make ARCH=riscv64 ...` builds and runs the riscv64 port instead, all of
# it in build/riscv64. ARCH given on the command line reaches every sub-make,
# Kbuild's too: driver.mk passes Kbuild its own ARCH (KERNEL_ARCH).
ARCH       ?= aarch64
ifeq ($(ARCH),aarch64)
BUILD      ?= build
CROSS      ?= aarch64-linux-gnu-
QEMU       := qemu-system-aarch64
QEMU_MACHINE := -M virt,gic-version=3,virtualization=on -cpu cortex-a72 -smp 4 -m 4G \
                -nographic -no-reboot -nic none
KERNEL_ARCH := arm64
GUEST_PKGS := $(BUILD)/guest-pkgs
else ifeq ($(ARCH),riscv64)
BUILD      ?= build/riscv64
CROSS      ?= riscv64-linux-gnu-
# QEMU's default OpenSBI starts the hypervisor (-kernel) at 0x80200000 in HS mode.
QEMU       := qemu-system-riscv64
QEMU_MACHINE := -M virt -cpu rv64 -smp 4 -m 4G -nographic -no-reboot -nic none -bios default
KERNEL_ARCH := riscv
HV_ARCH    ?= riscv64
HV_PLATFORM ?= qemu-virt-riscv64
# scripts/setup.sh riscv64 unpacks Debian 13's riscv64 packages here.
GUEST_PKGS := build/guest-pkgs-riscv64
else
$(error ARCH=$(ARCH): tessera builds for aarch64 (the default) or riscv64)
endif
CC_TARGET  := $(CROSS)gcc
OBJCOPY    := $(CROSS)objcopy
PYTHON     := /usr/bin/python3

.PHONY: all run run-demo run-selftest test test-slow fuzz setup unit-test system-test cppcheck bench clean
.DEFAULT_GOAL := all

# The build runs in a make started after setup: the included makefiles read
# what setup unpacks (the guest kernel's release) as they are parsed.
all: setup
	@$(MAKE) --no-print-directory hypervisor driver tools guests

include hypervisor/hypervisor.mk
include driver/driver.mk
include tools/tools.mk
include guests/guests.mk
include tests/tests.mk

setup:
	@bash scripts/setup.sh $(ARCH)

run: setup
	@$(MAKE) --no-print-directory run-demo

# Both architectures, whatever ARCH says: the unit tests and cppcheck cover
# both at once; each architecture's system tests run on its own build.
test:
	@bash scripts/setup.sh aarch64
	@bash scripts/setup.sh riscv64
	@$(MAKE) --no-print-directory ARCH=aarch64 unit-test tools-test cppcheck system-test
	@$(MAKE) --no-print-directory ARCH=riscv64 system-test

# zone0 Linux, interactive, which starts zone1 with virtio devices after
# "zone0 ready" (guests/linux/zone1-virtio-up); zone1's disk is the build's
# image itself, so what zone1 writes stays. `poweroff` in zone0 ends QEMU.
run-demo: all
	$(QEMU) $(QEMU_MACHINE) -kernel $(HV_IMAGE) $(ZONE0_DEMO_LOADERS) $(call zone1_disk_drive,$(ZONE1_DISK))

# The bare-metal test guest in zone0 instead of Linux (aarch64 only).
run-selftest: all
	$(QEMU) $(QEMU_MACHINE) -kernel $(HV_IMAGE) \
		-device loader,file=$(SELFTEST_BIN),addr=0xa0400000,force-raw=on \
		-device loader,file=$(SELFTEST_DTB),addr=0xa0000000,force-raw=on

# The chaos guest (tests/system/test_chaos.py) for CHAOS_SEEDS seeds from
# CHAOS_FIRST_SEED, CHAOS_OPS operations each, instead of make test's three.
CHAOS_SEEDS ?= 20
CHAOS_FIRST_SEED ?= 100
CHAOS_OPS ?= 200000
fuzz: setup
	@$(MAKE) --no-print-directory all
	CHAOS_SEEDS=$(CHAOS_SEEDS) CHAOS_FIRST_SEED=$(CHAOS_FIRST_SEED) CHAOS_OPS=$(CHAOS_OPS) \
		$(PYTHON) -m pytest -v tests/system/test_chaos.py

# Both architectures, whatever ARCH says, each on its own build; virtio.py
# is aarch64's alone.
bench:
	@$(MAKE) --no-print-directory ARCH=aarch64 all
	@$(MAKE) --no-print-directory ARCH=riscv64 all
	$(PYTHON) bench/boot_time.py --arch aarch64
	$(PYTHON) bench/boot_time.py --arch riscv64
	$(PYTHON) bench/zone_boot.py --arch aarch64
	$(PYTHON) bench/zone_boot.py --arch riscv64
	$(PYTHON) bench/exits.py --arch aarch64
	$(PYTHON) bench/exits.py --arch riscv64
	$(PYTHON) bench/virtio.py

clean:
	rm -rf $(BUILD)/hypervisor $(BUILD)/hypervisor-selftest $(BUILD)/driver $(BUILD)/tools $(BUILD)/guests $(BUILD)/tests
