# zone1 with virtio devices: the same kernel as zone1, its own DT
# ($(GUEST_CONFIGS)/zone1-virtio.dts) and a small initramfs that loads the
# virtio and ext4 modules and switches to the root on /dev/vda
# (guests/zone1-disk). Started from zone0 with zone1-virtio.json once the
# daemon serves zone1-virtio-devices.json; everything here ships inside
# zone0's initramfs (guests/linux/linux.mk).
#
# As for zone1, the system tests get variants that end themselves
# (`zone1.then=poweroff|reboot`, obeyed by the root's init).

ZONE1_VIRTIO_OUT          := $(BUILD)/guests/zone1-virtio
ZONE1_VIRTIO_INITRAMFS    := $(ZONE1_VIRTIO_OUT)/zone1-virtio-initramfs.cpio.gz
ZONE1_VIRTIO_DTB          := $(ZONE1_VIRTIO_OUT)/zone1-virtio.dtb
ZONE1_VIRTIO_JSON         := $(GUEST_CONFIGS)/zone1-virtio.json
ZONE1_VIRTIO_DEVICES_JSON := $(GUEST_CONFIGS)/zone1-virtio-devices.json
ZONE1_VIRTIO_ROOTFS       := $(ZONE1_VIRTIO_OUT)/rootfs
ZONE1_VIRTIO_MODULES      := virtio_mmio virtio_blk virtio_net virtio_console ext4

# zone0's path for the DTB; the test variants go to ZONE1_TEST_PATH.
ZONE1_VIRTIO_DTB_PATH   := /etc/tessera/zone1-virtio.dtb
ZONE1_VIRTIO_TEST_DTBS  := $(ZONE1_ENDINGS:%=$(ZONE1_VIRTIO_OUT)/zone1-virtio-%.dtb)
ZONE1_VIRTIO_TEST_JSONS := $(ZONE1_ENDINGS:%=$(ZONE1_VIRTIO_OUT)/zone1-virtio-%.json)

GUEST_TARGETS += $(ZONE1_VIRTIO_INITRAMFS) $(ZONE1_VIRTIO_DTB) \
                 $(ZONE1_VIRTIO_TEST_DTBS) $(ZONE1_VIRTIO_TEST_JSONS)

$(ZONE1_VIRTIO_INITRAMFS): guests/zone1-virtio/init guests/kernel-modules/load-modules \
                           guests/kernel-modules/gather.py $(GUEST_BUSYBOX) $(GUEST_KERNEL) \
                           guests/zone1-virtio/zone1-virtio.mk guests/guests.mk
	$(call busybox_rootfs,$(ZONE1_VIRTIO_ROOTFS),guests/zone1-virtio/init)
	install -m 755 guests/kernel-modules/load-modules $(ZONE1_VIRTIO_ROOTFS)/bin/load-modules
	$(call kernel_modules,$(ZONE1_VIRTIO_ROOTFS)/lib/modules,$(ZONE1_VIRTIO_MODULES))
	$(call cpio_of,$(ZONE1_VIRTIO_ROOTFS)) | gzip -9n > $@.tmp
	mv $@.tmp $@

$(ZONE1_VIRTIO_DTB): $(GUEST_CONFIGS)/zone1-virtio.dts $(GUEST_CONFIGS)/zone1.dts \
                     $(ZONE1_VIRTIO_INITRAMFS) guests/zone1-virtio/zone1-virtio.mk guests/guests.mk
	$(call dtb_with_initrd,$<,$(ZONE1_INITRAMFS_ADDR),$(ZONE1_VIRTIO_INITRAMFS))

$(ZONE1_VIRTIO_TEST_DTBS): $(ZONE1_VIRTIO_OUT)/zone1-virtio-%.dtb: $(ZONE1_VIRTIO_DTB)
	$(call dtb_with_bootargs,$<,zone1.then=$*)

$(ZONE1_VIRTIO_TEST_JSONS): $(ZONE1_VIRTIO_OUT)/zone1-virtio-%.json: $(ZONE1_VIRTIO_JSON) \
                            guests/zone1-virtio/zone1-virtio.mk
	$(call json_with_dtb,$<,$(ZONE1_VIRTIO_DTB_PATH),$(ZONE1_TEST_PATH)/zone1-virtio-$*.dtb)
