# selftest: a bare-metal EL1 guest for zone0 that checks the hypervisor's
# hypercall ABI and abort injection, then powers the machine off.

SELFTEST_DIR := guests/selftest
SELFTEST_OUT := $(BUILD)/guests/selftest
SELFTEST_ELF := $(SELFTEST_OUT)/selftest.elf
SELFTEST_BIN := $(BUILD)/guests/selftest.bin
SELFTEST_DTB := $(BUILD)/guests/selftest.dtb

SELFTEST_C_OBJS := $(addprefix $(SELFTEST_OUT)/,check.o exception.o main.o print.o uart.o)
SELFTEST_S_OBJS := $(addprefix $(SELFTEST_OUT)/,start.o vectors.o)
SELFTEST_OBJS   := $(SELFTEST_S_OBJS) $(SELFTEST_C_OBJS)

# The MMU is off, so every data access goes to Device memory: no unaligned
# accesses, and no FP/SIMD registers the compiler might pick for copies.
# The toolchain's PIE and stack-protector defaults assume a runtime we lack.
SELFTEST_CFLAGS := -std=c11 -ffreestanding -nostdlib -Wall -Wextra -Werror -O2 \
                   -mstrict-align -mgeneral-regs-only -fno-pie -fno-stack-protector \
                   -I include -MMD -MP
# One RWX segment is harmless: the image is flattened to a raw binary.
SELFTEST_LDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none -Wl,--no-warn-rwx-segments \
                    -T $(SELFTEST_DIR)/selftest.ld

GUEST_TARGETS += $(SELFTEST_BIN) $(SELFTEST_DTB)

$(SELFTEST_C_OBJS): $(SELFTEST_OUT)/%.o: $(SELFTEST_DIR)/%.c $(SELFTEST_DIR)/selftest.mk
	@mkdir -p $(@D)
	$(CC_TARGET) $(SELFTEST_CFLAGS) -c -o $@ $<

$(SELFTEST_S_OBJS): $(SELFTEST_OUT)/%.o: $(SELFTEST_DIR)/%.S $(SELFTEST_DIR)/selftest.mk
	@mkdir -p $(@D)
	$(CC_TARGET) $(SELFTEST_CFLAGS) -c -o $@ $<

$(SELFTEST_ELF): $(SELFTEST_OBJS) $(SELFTEST_DIR)/selftest.ld
	$(CC_TARGET) $(SELFTEST_LDFLAGS) -o $@ $(SELFTEST_OBJS)

$(SELFTEST_BIN): $(SELFTEST_ELF)
	$(OBJCOPY) -O binary $< $@

$(SELFTEST_DTB): $(SELFTEST_DIR)/selftest.dts
	@mkdir -p $(@D)
	dtc -I dts -O dtb -o $@ $<

-include $(SELFTEST_OBJS:.o=.d)
