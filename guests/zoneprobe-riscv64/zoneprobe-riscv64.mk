# zoneprobe on riscv64: a bare-metal VS-mode guest started as zone1 from
# zone0 on harts 2 and 3. It checks that zone0's memory, PLIC sources and
# contexts, harts and hypercalls are out of its reach, then spins with
# interrupts off until zone0 shuts it down.
# configs/qemu-virt-riscv64/zone1-probe.json starts it; both ship in zone0's
# initramfs (guests/riscv64-test-zones.mk).

ZONEPROBE_RV_DIR := guests/zoneprobe-riscv64
ZONEPROBE_RV_OUT := $(BUILD)/guests/zoneprobe-riscv64
ZONEPROBE_RV_ELF := $(ZONEPROBE_RV_OUT)/zoneprobe.elf
ZONEPROBE_RV_BIN := $(BUILD)/guests/zoneprobe.bin
ZONEPROBE_RV_DTB := $(BUILD)/guests/zone1-probe.dtb
# kernel_load_paddr and entry_point in zone1-probe.json.
ZONEPROBE_RV_LOAD_ADDR := 0xf8000000

ZONEPROBE_RV_OBJS := $(addprefix $(ZONEPROBE_RV_OUT)/,main.o memory_check.o vplic_check.o \
                       hypercall_check.o sbi_check.o)

GUEST_TARGETS += $(ZONEPROBE_RV_BIN) $(ZONEPROBE_RV_DTB)

$(ZONEPROBE_RV_ELF): $(ZONEPROBE_RV_OBJS) $(BAREMETAL_RV_OBJS) $(BAREMETAL_RV_SECONDARY_OBJ) \
                     $(BAREMETAL_RV_LDS) $(ZONEPROBE_RV_DIR)/zoneprobe-riscv64.mk
	$(call baremetal_rv_link,$(ZONEPROBE_RV_LOAD_ADDR))

$(ZONEPROBE_RV_BIN): $(ZONEPROBE_RV_ELF)
	$(OBJCOPY) -O binary $< $@

$(ZONEPROBE_RV_DTB): configs/qemu-virt-riscv64/zone1-probe.dts
	@mkdir -p $(@D)
	dtc -I dts -O dtb -o $@ $<

-include $(ZONEPROBE_RV_OBJS:.o=.d)
