# virtiohostile: a bare-metal zone1 with a virtio-blk window that attacks
# zone0's virtio daemon with malformed requests (tests/system/test_virtio.py).
# configs/qemu-virt/zone1-hostile*.json start it and name its disk.

VIRTIOHOSTILE_DIR := guests/virtiohostile
VIRTIOHOSTILE_OUT := $(BUILD)/guests/virtiohostile
VIRTIOHOSTILE_ELF := $(VIRTIOHOSTILE_OUT)/virtiohostile.elf
VIRTIOHOSTILE_BIN := $(BUILD)/guests/virtiohostile.bin
# kernel_load_paddr and entry_point in zone1-hostile.json.
VIRTIOHOSTILE_LOAD_ADDR := 0x50000000

VIRTIOHOSTILE_OBJS := $(addprefix $(VIRTIOHOSTILE_OUT)/,main.o virtio_mmio.o)

GUEST_TARGETS += $(VIRTIOHOSTILE_BIN)

$(VIRTIOHOSTILE_ELF): $(VIRTIOHOSTILE_OBJS) $(BAREMETAL_OBJS) $(BAREMETAL_LDS) \
                      $(VIRTIOHOSTILE_DIR)/virtiohostile.mk
	$(call baremetal_link,$(VIRTIOHOSTILE_LOAD_ADDR))

$(VIRTIOHOSTILE_BIN): $(VIRTIOHOSTILE_ELF)
	$(OBJCOPY) -O binary $< $@

-include $(VIRTIOHOSTILE_OBJS:.o=.d)
