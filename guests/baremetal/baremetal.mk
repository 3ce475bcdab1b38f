# Code shared by the bare-metal test guests: entry, exception vectors, UART
# output, printing and the checks. A guest's .mk links its own objects with
# BAREMETAL_OBJS by $(call baremetal_link,<load address>).

BAREMETAL_DIR := guests/baremetal
BAREMETAL_OUT := $(BUILD)/guests/baremetal
BAREMETAL_LDS := $(BAREMETAL_DIR)/baremetal.ld

BAREMETAL_OBJS := $(addprefix $(BAREMETAL_OUT)/,start.o vectors.o secondary.o check.o exception.o \
                    exception_check.o hypercall_check.o pmu_sw_increment_check.o print.o \
                    smccc_check.o uart.o)

# The MMU is off, so every data access goes to Device memory: no unaligned
# accesses, and no FP/SIMD registers the compiler might pick for copies.
# The toolchain's PIE and stack-protector defaults assume a runtime we lack.
BAREMETAL_CFLAGS := -std=c11 -ffreestanding -nostdlib -Wall -Wextra -Werror -O2 \
                    -mstrict-align -mgeneral-regs-only -fno-pie -fno-stack-protector \
                    -I include -I $(BAREMETAL_DIR) -MMD -MP
# One RWX segment is harmless: the image is flattened to a raw binary.
BAREMETAL_LDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none -Wl,--no-warn-rwx-segments \
                     -T $(BAREMETAL_LDS)

# Every bare-metal guest's sources build alike: guests/G/x.c -> $(BUILD)/guests/G/x.o.
$(BUILD)/guests/%.o: guests/%.c $(BAREMETAL_DIR)/baremetal.mk
	@mkdir -p $(@D)
	$(CC_TARGET) $(BAREMETAL_CFLAGS) -c -o $@ $<

$(BUILD)/guests/%.o: guests/%.S $(BAREMETAL_DIR)/baremetal.mk
	@mkdir -p $(@D)
	$(CC_TARGET) $(BAREMETAL_CFLAGS) -c -o $@ $<

# A link recipe: the objects among the prerequisites, placed at $(1).
baremetal_link = $(CC_TARGET) $(BAREMETAL_LDFLAGS) -Wl,--defsym=GUEST_LOAD_ADDR=$(1) \
                 -o $@ $(filter %.o,$^)

-include $(BAREMETAL_OBJS:.o=.d)
