# Code shared by the riscv64 bare-metal test guests: entry as an SBI
# payload in VS mode, the recording trap vector, SBI calls and hypercalls,
# the SBI console. The printing and the checks' PASS/FAIL lines are
# guests/baremetal's own, which are architecture-neutral. A guest's .mk
# links its objects with BAREMETAL_RV_OBJS by $(call baremetal_rv_link,<load address>).

BAREMETAL_RV_DIR := guests/baremetal-riscv64
BAREMETAL_RV_OUT := $(BUILD)/guests/baremetal-riscv64
BAREMETAL_RV_LDS := $(BAREMETAL_RV_DIR)/baremetal.ld

BAREMETAL_RV_OBJS := $(addprefix $(BAREMETAL_RV_OUT)/,start.o trap_vector.o trap.o \
                       fault_check.o console.o) \
                     $(addprefix $(BUILD)/guests/baremetal/,check.o print.o)
# For a guest that starts further harts: their entry, which calls the
# guest's secondary_main.
BAREMETAL_RV_SECONDARY_OBJ := $(BAREMETAL_RV_OUT)/secondary.o

# No F or D: the guests never touch floating point, and a zone's harts
# start with it off. The toolchain's PIE, build-id and stack-protector
# defaults assume a runtime we lack.
BAREMETAL_RV_CFLAGS := -std=c11 -ffreestanding -nostdlib -Wall -Wextra -Werror -O2 \
                       -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany \
                       -fno-pie -fno-stack-protector \
                       -I include -I $(BAREMETAL_RV_DIR) -I guests/baremetal -MMD -MP
# One RWX segment is harmless: the image is flattened to a raw binary.
BAREMETAL_RV_LDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none \
                        -Wl,--no-warn-rwx-segments -T $(BAREMETAL_RV_LDS)

# Every bare-metal guest's sources build alike: guests/G/x.c -> $(BUILD)/guests/G/x.o.
$(BUILD)/guests/%.o: guests/%.c $(BAREMETAL_RV_DIR)/baremetal-riscv64.mk
	@mkdir -p $(@D)
	$(CC_TARGET) $(BAREMETAL_RV_CFLAGS) -c -o $@ $<

$(BUILD)/guests/%.o: guests/%.S $(BAREMETAL_RV_DIR)/baremetal-riscv64.mk
	@mkdir -p $(@D)
	$(CC_TARGET) $(BAREMETAL_RV_CFLAGS) -c -o $@ $<

# A link recipe: the objects among the prerequisites, placed at $(1).
baremetal_rv_link = $(CC_TARGET) $(BAREMETAL_RV_CFLAGS) $(BAREMETAL_RV_LDFLAGS) \
                    -Wl,--defsym=GUEST_LOAD_ADDR=$(1) -o $@ $(filter %.o,$^)

-include $(BAREMETAL_RV_OBJS:.o=.d) $(BAREMETAL_RV_SECONDARY_OBJ:.o=.d)
