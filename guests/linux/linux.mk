# zone0: the Debian arm64 kernel with a busybox initramfs and zone0's own DT.
# The addresses are where tessera expects zone0's images; ZONE0_LOADERS puts
# them there with QEMU's generic loader.

ZONE0_KERNEL         := $(BUILD)/guest-pkgs/Image
ZONE0_INITRAMFS      := $(BUILD)/guests/zone0-initramfs.cpio.gz
ZONE0_DTB            := $(BUILD)/guests/zone0.dtb
ZONE0_KERNEL_ADDR    := 0xa0400000
ZONE0_DTB_ADDR       := 0xa0000000
ZONE0_INITRAMFS_ADDR := 0xb0000000

ZONE0_LOADERS := \
  -device loader,file=$(ZONE0_KERNEL),addr=$(ZONE0_KERNEL_ADDR),force-raw=on \
  -device loader,file=$(ZONE0_DTB),addr=$(ZONE0_DTB_ADDR),force-raw=on \
  -device loader,file=$(ZONE0_INITRAMFS),addr=$(ZONE0_INITRAMFS_ADDR),force-raw=on

ZONE0_BUSYBOX := $(BUILD)/guest-pkgs/busybox
ZONE0_ROOTFS  := $(BUILD)/guests/zone0-rootfs

# /bin/sh must exist before /init runs `busybox --install`, which needs the
# other directories to exist. Owners are forced to root so no fakeroot is
# needed; the kernel's built-in initramfs already provides /dev/console.
$(ZONE0_INITRAMFS): guests/linux/init $(ZONE0_BUSYBOX) guests/linux/linux.mk
	rm -rf $(ZONE0_ROOTFS)
	mkdir -p $(addprefix $(ZONE0_ROOTFS)/,bin sbin usr/bin usr/sbin dev proc sys tmp root)
	cp $(ZONE0_BUSYBOX) $(ZONE0_ROOTFS)/bin/busybox
	ln -s busybox $(ZONE0_ROOTFS)/bin/sh
	install -m 755 guests/linux/init $(ZONE0_ROOTFS)/init
	(cd $(ZONE0_ROOTFS) && find . -mindepth 1 | LC_ALL=C sort | \
	  cpio --quiet -o -H newc --owner 0:0 --reproducible) | gzip -9n > $@.tmp
	mv $@.tmp $@

# The initrd range depends on the initramfs size, so it is patched in after
# compiling; QEMU writes these properties as two cells, and so does this.
$(ZONE0_DTB): configs/qemu-virt/zone0.dts $(ZONE0_INITRAMFS) guests/linux/linux.mk
	mkdir -p $(@D)
	dtc -I dts -O dtb -o $@.tmp $<
	fdtput -t x $@.tmp /chosen linux,initrd-start 0x0 $(ZONE0_INITRAMFS_ADDR)
	fdtput -t x $@.tmp /chosen linux,initrd-end 0x0 \
	  $$(printf '0x%x' $$(( $(ZONE0_INITRAMFS_ADDR) + $$(stat -c %s $(ZONE0_INITRAMFS)) )))
	mv $@.tmp $@

GUEST_TARGETS += $(ZONE0_INITRAMFS) $(ZONE0_DTB)
