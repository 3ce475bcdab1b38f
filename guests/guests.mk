# Test guests and the zones' Linux images. Each guest's own .mk adds its
# outputs to GUEST_TARGETS.
GUEST_TARGETS :=

GUEST_BUSYBOX := $(BUILD)/guest-pkgs/busybox

# Recipe lines shared by the busybox initramfs images.
# $(call busybox_rootfs,<dir>,<init script>): a fresh root holding busybox
# and /init. /bin/sh must exist before /init runs `busybox --install`, which
# needs the other directories to exist. The kernel's built-in initramfs
# already provides /dev/console.
define busybox_rootfs
rm -rf $(1)
mkdir -p $(addprefix $(1)/,bin sbin usr/bin usr/sbin dev proc sys tmp root)
cp $(GUEST_BUSYBOX) $(1)/bin/busybox
ln -s busybox $(1)/bin/sh
install -m 755 $(2) $(1)/init
endef

# $(call cpio_of,<dir>): the tree as a newc archive on stdout. Owners are
# forced to root so no fakeroot is needed.
cpio_of = (cd $(1) && find . -mindepth 1 | LC_ALL=C sort | \
           cpio --quiet -o -H newc --owner 0:0 --reproducible)

# $(call dtb_with_initrd,<dts>,<initrd address>,<initrd file>): the initrd
# range depends on the initramfs size, so it is patched in after compiling;
# QEMU writes these properties as two cells, and so does this.
define dtb_with_initrd
mkdir -p $(@D)
dtc -I dts -O dtb -o $@.tmp $(1)
fdtput -t x $@.tmp /chosen linux,initrd-start 0x0 $(2)
fdtput -t x $@.tmp /chosen linux,initrd-end 0x0 $$(printf '0x%x' $$(( $(2) + $$(stat -c %s $(3)) )))
mv $@.tmp $@
endef

include guests/baremetal/baremetal.mk
include guests/selftest/selftest.mk
include guests/zoneprobe/zoneprobe.mk
include guests/exitbench/exitbench.mk
include guests/hypfault/hypfault.mk
include guests/chaos/chaos.mk
include guests/zone1/zone1.mk
include guests/linux/linux.mk

.PHONY: guests
guests: $(GUEST_TARGETS)
