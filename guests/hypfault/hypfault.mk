# hypfault: a bare-metal EL1 guest for zone0 on a `make HV_SELFTEST=1`
# hypervisor. Its vCPU 1 makes the hypervisor fault; its vCPU 0 shows that
# the other CPUs keep running, then powers the machine off. It uses the
# selftest guest's device tree.

HYPFAULT_DIR := guests/hypfault
HYPFAULT_OUT := $(BUILD)/guests/hypfault
HYPFAULT_ELF := $(HYPFAULT_OUT)/hypfault.elf
HYPFAULT_BIN := $(BUILD)/guests/hypfault.bin
# Where zone0's kernel goes: the hypervisor enters zone0 there.
HYPFAULT_LOAD_ADDR := 0xa0400000

HYPFAULT_OBJS := $(HYPFAULT_OUT)/main.o

GUEST_TARGETS += $(HYPFAULT_BIN)

$(HYPFAULT_ELF): $(HYPFAULT_OBJS) $(BAREMETAL_OBJS) $(BAREMETAL_LDS) $(HYPFAULT_DIR)/hypfault.mk
	$(call baremetal_link,$(HYPFAULT_LOAD_ADDR))

$(HYPFAULT_BIN): $(HYPFAULT_ELF)
	$(OBJCOPY) -O binary $< $@

-include $(HYPFAULT_OBJS:.o=.d)
