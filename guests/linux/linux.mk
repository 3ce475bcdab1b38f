# zone0: the Debian kernel (arm64 or riscv64) with a busybox initramfs and
# zone0's own DT. The addresses are where tessera expects zone0's images;
# ZONE0_LOADERS puts them there with QEMU's generic loader.

ZONE0_KERNEL         := $(GUEST_KERNEL)
ZONE0_INITRAMFS      := $(BUILD)/guests/zone0-initramfs.cpio
ZONE0_DTB            := $(BUILD)/guests/zone0.dtb
ifeq ($(ARCH),riscv64)
ZONE0_KERNEL_ADDR    := 0x90200000
ZONE0_DTB_ADDR       := 0x90000000
ZONE0_INITRAMFS_ADDR := 0xa0000000
else
ZONE0_KERNEL_ADDR    := 0xa0400000
ZONE0_DTB_ADDR       := 0xa0000000
ZONE0_INITRAMFS_ADDR := 0xb0000000
endif

# $(call zone0_loaders,<zone0 DTB>)
zone0_loaders = \
  -device loader,file=$(ZONE0_KERNEL),addr=$(ZONE0_KERNEL_ADDR),force-raw=on \
  -device loader,file=$(1),addr=$(ZONE0_DTB_ADDR),force-raw=on \
  -device loader,file=$(ZONE0_INITRAMFS),addr=$(ZONE0_INITRAMFS_ADDR),force-raw=on
ZONE0_LOADERS := $(call zone0_loaders,$(ZONE0_DTB))

# The demo of `make run`: zone0's DT with tessera.demo=zone1-virtio on the
# command line, which makes zone0's init run zone1-virtio-up after "zone0
# ready". The system tests boot ZONE0_DTB, without it.
ZONE0_DEMO_DTB     := $(BUILD)/guests/zone0-demo.dtb
ZONE0_DEMO_LOADERS := $(call zone0_loaders,$(ZONE0_DEMO_DTB))
ZONE0_DEMO_SCRIPT  := /bin/zone1-virtio-up

# $(call zone1_disk_drive,<ext4 image>): zone1's root filesystem as a disk
# of zone0. The first virtio -device lands on QEMU's last transport
# (0xa003e00; 0x10008000 on riscv64), which zone0's DT describes; zone0
# sees /dev/vda.
zone1_disk_drive = -drive file=$(1),format=raw,if=none,id=zone1disk \
                   -device virtio-blk-device,drive=zone1disk

ZONE0_ROOTFS := $(BUILD)/guests/zone0-rootfs

# Uncompressed: zone1's kernel makes up most of it, and under TCG zone0
# unpacks the plain 37 MB archive in 0.26 s against 0.8-1.1 s for gzip -1
# or -9 (14 or 13 MB), which also take 1 s or 11 s to build.

# hvisor-tool's image load without the CLI's checks, for the module's own.
HVISOR_LOAD_IMAGE := $(BUILD)/guests/hvisor-load-image
$(HVISOR_LOAD_IMAGE): guests/linux/hvisor_load_image.c include/tessera/hvisor_ioctl.h
	@mkdir -p $(@D)
	$(CC_TARGET) -static $(TOOLS_CFLAGS) $< -o $@

# What zone0 needs to start other zones, at the paths their JSONs name:
# the CLI, its kernel module, zone1's images (its kernel is zone0's), zone1
# with virtio (its images, the daemon's JSON, the script that starts both
# and the modules it loads), and the test zones (zone1 variants, the
# bare-metal probe) under test/.
ZONE0_ZONE_FILES := $(ZONE1_JSON) $(ZONE1_DTB) $(ZONE1_INITRAMFS) $(ZONE0_KERNEL) \
                    $(ZONE1_VIRTIO_JSON) $(ZONE1_VIRTIO_DTB) $(ZONE1_VIRTIO_INITRAMFS) \
                    $(ZONE1_VIRTIO_DEVICES_JSON)
ZONE0_TEST_FILES := $(ZONE1_TEST_JSONS) $(ZONE1_TEST_DTBS) \
                    $(ZONE1_VIRTIO_TEST_JSONS) $(ZONE1_VIRTIO_TEST_DTBS) $(HVISOR_LOAD_IMAGE) \
                    $(HVISOR_LIKE_DAEMON)
# The bare-metal test zones exist for aarch64 only.
ifeq ($(ARCH),aarch64)
ZONE0_TEST_FILES += configs/qemu-virt/zone1-probe.json $(ZONEPROBE_DTB) $(ZONEPROBE_BIN) \
                    configs/qemu-virt/zone1-chaos.json $(CHAOS_DTB) $(CHAOS_BIN) \
                    configs/qemu-virt/zone1-hostile.json \
                    configs/qemu-virt/zone1-hostile-devices.json $(VIRTIOHOSTILE_BIN) \
                    configs/qemu-virt/zone1-flood.json configs/qemu-virt/zone2-hostile.json \
                    configs/qemu-virt/flood-devices.json $(VIRTIOFLOOD_BIN)
endif


# For zone1-virtio-up: virtio-mmio and virtio-blk for zone1's disk, tun and
# bridge for its network, ext4 for zone0 to read that disk once zone1 is off.
ZONE0_VIRTIO_MODULES := virtio_mmio virtio_blk tun bridge ext4
ZONE0_VIRTIO_MODULES_DIR := /lib/modules/zone1-virtio

# run and var/log: where the virtio daemon puts its pid file, its consoles'
# PTY links and its log.
$(ZONE0_INITRAMFS): guests/linux/init guests/linux/zone1-virtio-up $(GUEST_BUSYBOX) \
                    $(TOOLS_CLI_TARGET) $(DRIVER_KO) $(ZONE0_ZONE_FILES) $(ZONE0_TEST_FILES) \
                    guests/kernel-modules/gather.py guests/kernel-modules/load-modules \
                    guests/linux/linux.mk guests/guests.mk
	$(call busybox_rootfs,$(ZONE0_ROOTFS),guests/linux/init)
	mkdir -p $(addprefix $(ZONE0_ROOTFS)/,lib/modules etc/tessera/test run var/log)
	install -m 755 $(TOOLS_CLI_TARGET) $(ZONE0_ROOTFS)/bin/tessera
	cp $(DRIVER_KO) $(ZONE0_ROOTFS)/lib/modules/hvisor.ko
	install -m 755 guests/linux/zone1-virtio-up $(ZONE0_ROOTFS)$(ZONE0_DEMO_SCRIPT)
	install -m 755 guests/kernel-modules/load-modules $(ZONE0_ROOTFS)/bin/load-modules
	$(call kernel_modules,$(ZONE0_ROOTFS)$(ZONE0_VIRTIO_MODULES_DIR),$(ZONE0_VIRTIO_MODULES))
	cp $(ZONE1_JSON) $(ZONE1_DTB) $(ZONE1_INITRAMFS) $(ZONE0_ROOTFS)/etc/tessera/
	cp $(ZONE1_VIRTIO_JSON) $(ZONE1_VIRTIO_DTB) $(ZONE1_VIRTIO_INITRAMFS) \
	   $(ZONE1_VIRTIO_DEVICES_JSON) $(ZONE0_ROOTFS)/etc/tessera/
	cp $(ZONE0_KERNEL) $(ZONE0_ROOTFS)/etc/tessera/zone1-Image
	cp $(ZONE0_TEST_FILES) $(ZONE0_ROOTFS)/etc/tessera/test/
	$(call cpio_of,$(ZONE0_ROOTFS)) > $@.tmp
	mv $@.tmp $@

$(ZONE0_DTB): $(GUEST_CONFIGS)/zone0.dts $(ZONE0_INITRAMFS) guests/linux/linux.mk guests/guests.mk
	$(call dtb_with_initrd,$<,$(ZONE0_INITRAMFS_ADDR),$(ZONE0_INITRAMFS))

$(ZONE0_DEMO_DTB): $(ZONE0_DTB)
	$(call dtb_with_bootargs,$<,tessera.demo=zone1-virtio)

GUEST_TARGETS += $(ZONE0_INITRAMFS) $(ZONE0_DTB) $(ZONE0_DEMO_DTB)
