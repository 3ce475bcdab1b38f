# tessera: top-level build. `make run` boots the demo, `make test` runs every
# test; both install missing dependencies first through scripts/setup.sh.

BUILD      ?= build
CROSS      ?= aarch64-linux-gnu-
CC_TARGET  := $(CROSS)gcc
OBJCOPY    := $(CROSS)objcopy
PYTHON     := /usr/bin/python3

QEMU       := qemu-system-aarch64
QEMU_MACHINE := -M virt,gic-version=3,virtualization=on -cpu cortex-a72 -smp 4 -m 4G \
                -nographic -no-reboot -nic none

.PHONY: all run test setup unit-test system-test cppcheck clean
.DEFAULT_GOAL := all

all: hypervisor guests

include hypervisor/hypervisor.mk
include guests/guests.mk
include tests/tests.mk

setup:
	@bash scripts/setup.sh

run: setup
	@$(MAKE) --no-print-directory run-demo

test: setup
	@$(MAKE) --no-print-directory unit-test cppcheck system-test

clean:
	rm -rf $(BUILD)/hypervisor $(BUILD)/guests $(BUILD)/tests
