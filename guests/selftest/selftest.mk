# selftest: a bare-metal EL1 guest for zone0 that checks the hypervisor's
# hypercall ABI and abort injection, then powers the machine off.

SELFTEST_DIR := guests/selftest
SELFTEST_OUT := $(BUILD)/guests/selftest
SELFTEST_ELF := $(SELFTEST_OUT)/selftest.elf
SELFTEST_BIN := $(BUILD)/guests/selftest.bin
SELFTEST_DTB := $(BUILD)/guests/selftest.dtb
# Where zone0's kernel goes: the hypervisor enters zone0 there.
SELFTEST_LOAD_ADDR := 0xa0400000

SELFTEST_OBJS := $(SELFTEST_OUT)/main.o $(SELFTEST_OUT)/parked_interrupt_check.o $(SELFTEST_OUT)/vgic_check.o \
                 $(SELFTEST_OUT)/vgic_fidelity_check.o \
                 $(SELFTEST_OUT)/trap_hardening.o $(SELFTEST_OUT)/trap_vectors.o \
                 $(SELFTEST_OUT)/pmu_check.o $(SELFTEST_OUT)/virtio_inject_check.o

GUEST_TARGETS += $(SELFTEST_BIN) $(SELFTEST_DTB)

$(SELFTEST_ELF): $(SELFTEST_OBJS) $(BAREMETAL_OBJS) $(BAREMETAL_LDS) $(SELFTEST_DIR)/selftest.mk
	$(call baremetal_link,$(SELFTEST_LOAD_ADDR))

$(SELFTEST_BIN): $(SELFTEST_ELF)
	$(OBJCOPY) -O binary $< $@

$(SELFTEST_DTB): $(SELFTEST_DIR)/selftest.dts
	@mkdir -p $(@D)
	dtc -I dts -O dtb -o $@ $<

-include $(SELFTEST_OBJS:.o=.d)
