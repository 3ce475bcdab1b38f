# virtioflood: a bare-metal zone that keeps its virtio-blk queue full for
# ever (tests/system/test_virtio_flood.py), with virtiohostile's driver.
# configs/qemu-virt/zone1-flood.json starts it.

VIRTIOFLOOD_OUT := $(BUILD)/guests/virtioflood
VIRTIOFLOOD_ELF := $(VIRTIOFLOOD_OUT)/virtioflood.elf
VIRTIOFLOOD_BIN := $(BUILD)/guests/virtioflood.bin
# kernel_load_paddr and entry_point in zone1-flood.json.
VIRTIOFLOOD_LOAD_ADDR := 0x50000000

VIRTIOFLOOD_OBJS := $(addprefix $(VIRTIOFLOOD_OUT)/,main.o virtio_mmio.o)

GUEST_TARGETS += $(VIRTIOFLOOD_BIN)

$(VIRTIOFLOOD_ELF): $(VIRTIOFLOOD_OBJS) $(BAREMETAL_OBJS) $(BAREMETAL_LDS) \
                    guests/virtioflood/virtioflood.mk
	$(call baremetal_link,$(VIRTIOFLOOD_LOAD_ADDR))

$(VIRTIOFLOOD_BIN): $(VIRTIOFLOOD_ELF)
	$(OBJCOPY) -O binary $< $@

# Linux's queue size: a daemon that serves the queue until it is empty has
# a quarter of a second of work before the guest must have refilled it.
$(VIRTIOFLOOD_OBJS): BAREMETAL_CFLAGS += -I guests/virtiohostile -DQUEUE_SIZE=256

$(VIRTIOFLOOD_OUT)/virtio_mmio.o: guests/virtiohostile/virtio_mmio.c $(BAREMETAL_DIR)/baremetal.mk
	@mkdir -p $(@D)
	$(CC_TARGET) $(BAREMETAL_CFLAGS) -c -o $@ $<

-include $(VIRTIOFLOOD_OBJS:.o=.d)
