# The hypervisor image: $(BUILD)/hypervisor/tessera.bin (an arm64 Image, or
# on riscv64 a flat binary that OpenSBI starts at 0x80200000), for HV_ARCH
# on the board HV_PLATFORM (the top-level Makefile sets both from ARCH).
# The core is compiled without the architecture's include directory, so it can
# reach the architecture only through hypervisor/include/arch.h.
# `make HV_SELFTEST=1` builds a test-only image instead, in
# build/hypervisor-selftest/, with hypercalls that make the hypervisor fault
# (hypervisor/core/hyp_fault_selftest.c: a read past RAM, a stack overflow);
# never the default.
HV_ARCH     ?= aarch64
HV_PLATFORM ?= qemu-virt
HV_SELFTEST ?= 0
HV_SELFTEST_SRCS := hypervisor/core/hyp_fault_selftest.c
# `make STATS=1` builds, in build/hypervisor-stats/, an image that counts
# exits by kind and prints the counts when zone0 powers off
# (hypervisor/core/exit_stats.c); the default image counts nothing.
STATS ?= 0
# Link-time optimisation inlines the exit path across files (trap, dispatch,
# vGIC sync): under QEMU every call and return is a translation-block jump.
# Interleaved A/B of bench/exits.py, medians of 6: null hypercall 2688 ->
# 2392 ns, GICD_TYPER read 3782 -> 3041 ns, GICR_TYPER 3942 -> 3130 ns.
# The selftest image links without it: --wrap does not reach calls LTO has
# already resolved inside one unit.
HV_LTO      := -flto
ifeq ($(HV_SELFTEST),1)
HV_OUT      := $(BUILD)/hypervisor-selftest
HV_LINK_EXTRA := -Wl,--wrap=hypercall_dispatch
HV_LTO      :=
else ifeq ($(STATS),1)
HV_OUT      := $(BUILD)/hypervisor-stats
HV_LINK_EXTRA :=
else
HV_OUT      := $(BUILD)/hypervisor
HV_LINK_EXTRA :=
endif
HV_IMAGE    := $(HV_OUT)/tessera.bin
HV_ELF      := $(HV_OUT)/tessera.elf

HV_CORE_SRCS := $(filter-out $(HV_SELFTEST_SRCS),$(wildcard hypervisor/core/*.c)) \
                $(if $(filter 1,$(HV_SELFTEST)),$(HV_SELFTEST_SRCS))
HV_ARCH_SRCS := $(wildcard hypervisor/arch/$(HV_ARCH)/*.c hypervisor/arch/$(HV_ARCH)/*.S) \
                $(wildcard hypervisor/platform/$(HV_PLATFORM)/*.c)
HV_OBJS := $(patsubst %,$(HV_OUT)/%.o,$(HV_CORE_SRCS) $(HV_ARCH_SRCS))

# The hypervisor never touches floating-point or vector registers, which
# belong to the guests: general registers only.
ifeq ($(HV_ARCH),riscv64)
# gcc 12 knows no H extension: the assembler is told, and gcc must not emit
# the .attribute that would override that.
HV_TARGET_FLAGS := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany -mstrict-align \
                   -mno-riscv-attribute -Wa,-march=rv64imach_zicsr_zifencei_svinval
else
HV_TARGET_FLAGS := -mgeneral-regs-only -mstrict-align -mno-outline-atomics
endif
HV_CFLAGS := -std=c11 -ffreestanding -nostdlib -fno-builtin -fno-pie -fno-stack-protector \
             $(HV_TARGET_FLAGS) -O2 $(HV_LTO) -g -Wall -Wextra -Werror \
             -MMD -MP -Iinclude -Ihypervisor/include $(if $(filter 1,$(STATS)),-DHV_STATS)
HV_ARCH_CFLAGS := $(HV_CFLAGS) -Ihypervisor/arch/$(HV_ARCH)/include

.PHONY: hypervisor
hypervisor: $(HV_IMAGE)

# Only the core is denied the architecture's headers.
$(HV_OUT)/hypervisor/core/%.o: HV_OBJ_CFLAGS = $(HV_CFLAGS)
HV_OBJ_CFLAGS = $(HV_ARCH_CFLAGS)
# The compiler emits calls to memcpy and memset after LTO has dropped the
# definitions it saw no caller of, so they stay ordinary objects.
$(HV_OUT)/hypervisor/core/cstring.c.o: HV_OBJ_CFLAGS = $(HV_CFLAGS) -fno-lto

$(HV_OUT)/%.c.o: %.c hypervisor/hypervisor.mk
	@mkdir -p $(dir $@)
	$(CC_TARGET) $(HV_OBJ_CFLAGS) -c $< -o $@

$(HV_OUT)/%.S.o: %.S hypervisor/hypervisor.mk
	@mkdir -p $(dir $@)
	$(CC_TARGET) $(HV_OBJ_CFLAGS) -c $< -o $@

$(HV_ELF): $(HV_OBJS) hypervisor/arch/$(HV_ARCH)/linker.ld
	$(CC_TARGET) $(HV_TARGET_FLAGS) -O2 $(HV_LTO) -nostdlib -static -no-pie \
		-Wl,--no-warn-rwx-segments,--build-id=none \
		$(HV_LINK_EXTRA) -T hypervisor/arch/$(HV_ARCH)/linker.ld $(HV_OBJS) -o $@

$(HV_IMAGE): $(HV_ELF)
	$(OBJCOPY) -O binary $< $@

-include $(HV_OBJS:.o=.d)
