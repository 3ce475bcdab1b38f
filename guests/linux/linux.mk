# zone0: the Debian arm64 kernel with a busybox initramfs and zone0's own DT.
# The addresses are where tessera expects zone0's images; ZONE0_LOADERS puts
# them there with QEMU's generic loader.

ZONE0_KERNEL         := $(BUILD)/guest-pkgs/Image
ZONE0_INITRAMFS      := $(BUILD)/guests/zone0-initramfs.cpio
ZONE0_DTB            := $(BUILD)/guests/zone0.dtb
ZONE0_KERNEL_ADDR    := 0xa0400000
ZONE0_DTB_ADDR       := 0xa0000000
ZONE0_INITRAMFS_ADDR := 0xb0000000

ZONE0_LOADERS := \
  -device loader,file=$(ZONE0_KERNEL),addr=$(ZONE0_KERNEL_ADDR),force-raw=on \
  -device loader,file=$(ZONE0_DTB),addr=$(ZONE0_DTB_ADDR),force-raw=on \
  -device loader,file=$(ZONE0_INITRAMFS),addr=$(ZONE0_INITRAMFS_ADDR),force-raw=on

ZONE0_ROOTFS := $(BUILD)/guests/zone0-rootfs

# Uncompressed: zone1's kernel makes up most of it, and under TCG zone0
# unpacks the plain 37 MB archive in 0.26 s against 0.8-1.1 s for gzip -1
# or -9 (14 or 13 MB), which also take 1 s or 11 s to build.

# What zone0 needs to start other zones, at the paths their JSONs name:
# the CLI, its kernel module, zone1's images (its kernel is zone0's), and
# the test zones (zone1 variants, the bare-metal probe) under test/.
ZONE0_ZONE_FILES := $(ZONE1_JSON) $(ZONE1_DTB) $(ZONE1_INITRAMFS) $(ZONE0_KERNEL)
ZONE0_TEST_FILES := $(ZONE1_TEST_JSONS) $(ZONE1_TEST_DTBS) \
                    configs/qemu-virt/zone1-probe.json $(ZONEPROBE_DTB) $(ZONEPROBE_BIN) \
                    configs/qemu-virt/zone1-chaos.json $(CHAOS_DTB) $(CHAOS_BIN)

$(ZONE0_INITRAMFS): guests/linux/init $(GUEST_BUSYBOX) $(TOOLS_CLI_TARGET) $(DRIVER_KO) \
                    $(ZONE0_ZONE_FILES) $(ZONE0_TEST_FILES) guests/linux/linux.mk guests/guests.mk
	$(call busybox_rootfs,$(ZONE0_ROOTFS),guests/linux/init)
	mkdir -p $(addprefix $(ZONE0_ROOTFS)/,lib/modules etc/tessera/test)
	install -m 755 $(TOOLS_CLI_TARGET) $(ZONE0_ROOTFS)/bin/tessera
	cp $(DRIVER_KO) $(ZONE0_ROOTFS)/lib/modules/hvisor.ko
	cp $(ZONE1_JSON) $(ZONE1_DTB) $(ZONE1_INITRAMFS) $(ZONE0_ROOTFS)/etc/tessera/
	cp $(ZONE0_KERNEL) $(ZONE0_ROOTFS)/etc/tessera/zone1-Image
	cp $(ZONE0_TEST_FILES) $(ZONE0_ROOTFS)/etc/tessera/test/
	$(call cpio_of,$(ZONE0_ROOTFS)) > $@.tmp
	mv $@.tmp $@

$(ZONE0_DTB): configs/qemu-virt/zone0.dts $(ZONE0_INITRAMFS) guests/linux/linux.mk guests/guests.mk
	$(call dtb_with_initrd,$<,$(ZONE0_INITRAMFS_ADDR),$(ZONE0_INITRAMFS))

GUEST_TARGETS += $(ZONE0_INITRAMFS) $(ZONE0_DTB)
