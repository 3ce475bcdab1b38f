# zone1: the Debian arm64 kernel (zone0's) with its own busybox initramfs
# and DT, started from zone0 with $(GUEST_CONFIGS)/zone1.json. Everything
# here ships inside zone0's initramfs (guests/linux/linux.mk).
#
# The system tests also start zone1 variants that end themselves or take a
# CPU offline: their DTBs add `zone1.then=poweroff|reboot|hotplug` to the
# kernel command line, which zone1's /init obeys, and their JSONs differ
# from zone1.json only in naming that DTB.

ZONE1_OUT            := $(BUILD)/guests/zone1
ZONE1_INITRAMFS      := $(ZONE1_OUT)/zone1-initramfs.cpio.gz
ZONE1_DTB            := $(ZONE1_OUT)/zone1.dtb
ZONE1_JSON           := $(GUEST_CONFIGS)/zone1.json
ZONE1_ROOTFS         := $(ZONE1_OUT)/rootfs
# modules[0].load_paddr in zone1.json.
ZONE1_INITRAMFS_ADDR := $(if $(filter riscv64,$(ARCH)),0xf4000000,0x58000000)

ZONE1_ENDINGS    := poweroff reboot
# zone1's own variants also take CPU 1 offline and back (zone1.then=hotplug).
ZONE1_VARIANTS   := $(ZONE1_ENDINGS) hotplug
ZONE1_TEST_DTBS  := $(ZONE1_VARIANTS:%=$(ZONE1_OUT)/zone1-%.dtb)
ZONE1_TEST_JSONS := $(ZONE1_VARIANTS:%=$(ZONE1_OUT)/zone1-%.json)

# zone0's path for the DTB, and where the test variants go in zone0.
ZONE1_DTB_PATH  := /etc/tessera/zone1.dtb
ZONE1_TEST_PATH := /etc/tessera/test

GUEST_TARGETS += $(ZONE1_INITRAMFS) $(ZONE1_DTB) $(ZONE1_TEST_DTBS) $(ZONE1_TEST_JSONS)

$(ZONE1_INITRAMFS): guests/zone1/init $(GUEST_BUSYBOX) guests/zone1/zone1.mk guests/guests.mk
	$(call busybox_rootfs,$(ZONE1_ROOTFS),guests/zone1/init)
	$(call cpio_of,$(ZONE1_ROOTFS)) | gzip -9n > $@.tmp
	mv $@.tmp $@

$(ZONE1_DTB): $(GUEST_CONFIGS)/zone1.dts $(ZONE1_INITRAMFS) guests/zone1/zone1.mk guests/guests.mk
	$(call dtb_with_initrd,$<,$(ZONE1_INITRAMFS_ADDR),$(ZONE1_INITRAMFS))

$(ZONE1_TEST_DTBS): $(ZONE1_OUT)/zone1-%.dtb: $(ZONE1_DTB)
	$(call dtb_with_bootargs,$<,zone1.then=$*)

$(ZONE1_TEST_JSONS): $(ZONE1_OUT)/zone1-%.json: $(ZONE1_JSON) guests/zone1/zone1.mk
	$(call json_with_dtb,$<,$(ZONE1_DTB_PATH),$(ZONE1_TEST_PATH)/zone1-$*.dtb)
