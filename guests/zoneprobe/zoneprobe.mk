# zoneprobe: a bare-metal EL1 guest started as zone1 from zone0. It checks
# that zone0's memory, interrupts and hypercalls are out of its reach, then
# spins with interrupts masked until zone0 shuts it down.
# configs/qemu-virt/zone1-probe.json starts it; both ship in zone0's initramfs.

ZONEPROBE_DIR := guests/zoneprobe
ZONEPROBE_OUT := $(BUILD)/guests/zoneprobe
ZONEPROBE_ELF := $(ZONEPROBE_OUT)/zoneprobe.elf
ZONEPROBE_BIN := $(BUILD)/guests/zoneprobe.bin
ZONEPROBE_DTB := $(BUILD)/guests/zone1-probe.dtb
# kernel_load_paddr and entry_point in zone1-probe.json.
ZONEPROBE_LOAD_ADDR := 0x50000000

ZONEPROBE_OBJS := $(ZONEPROBE_OUT)/main.o $(ZONEPROBE_OUT)/cpu_state_check.o

GUEST_TARGETS += $(ZONEPROBE_BIN) $(ZONEPROBE_DTB)

$(ZONEPROBE_ELF): $(ZONEPROBE_OBJS) $(BAREMETAL_OBJS) $(BAREMETAL_LDS) $(ZONEPROBE_DIR)/zoneprobe.mk
	$(call baremetal_link,$(ZONEPROBE_LOAD_ADDR))

$(ZONEPROBE_BIN): $(ZONEPROBE_ELF)
	$(OBJCOPY) -O binary $< $@

$(ZONEPROBE_DTB): configs/qemu-virt/zone1-probe.dts
	@mkdir -p $(@D)
	dtc -I dts -O dtb -o $@ $<

-include $(ZONEPROBE_OBJS:.o=.d)
