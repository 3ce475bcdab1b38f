# chaos: a bare-metal EL1 guest started as zone1 from zone0, which runs
# random but reproducible operations against the hypervisor from the seed
# zone0 gives it (tests/system/test_chaos.py, `make fuzz`).
# configs/qemu-virt/zone1-chaos.json starts it; both ship in zone0's initramfs.

CHAOS_DIR := guests/chaos
CHAOS_OUT := $(BUILD)/guests/chaos
CHAOS_ELF := $(CHAOS_OUT)/chaos.elf
CHAOS_BIN := $(BUILD)/guests/chaos.bin
CHAOS_DTB := $(BUILD)/guests/zone1-chaos.dtb
# kernel_load_paddr and entry_point in zone1-chaos.json.
CHAOS_LOAD_ADDR := 0x50000000

CHAOS_OBJS := $(addprefix $(CHAOS_OUT)/,main.o args.o vectors.o exception.o instruction.o \
                addresses.o sysreg_ops.o memory_ops.o cache_ops.o gic_ops.o call_ops.o jump_ops.o)

GUEST_TARGETS += $(CHAOS_BIN) $(CHAOS_DTB)

$(CHAOS_ELF): $(CHAOS_OBJS) $(BAREMETAL_OBJS) $(BAREMETAL_LDS) $(CHAOS_DIR)/chaos.mk
	$(call baremetal_link,$(CHAOS_LOAD_ADDR))

$(CHAOS_BIN): $(CHAOS_ELF)
	$(OBJCOPY) -O binary $< $@

$(CHAOS_DTB): configs/qemu-virt/zone1-chaos.dts
	@mkdir -p $(@D)
	dtc -I dts -O dtb -o $@ $<

-include $(CHAOS_OBJS:.o=.d)
