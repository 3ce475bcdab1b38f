# Test guests and the zones' Linux images. Each guest's own .mk adds its
# outputs to GUEST_TARGETS.
GUEST_TARGETS :=

GUEST_BUSYBOX := $(GUEST_PKGS)/busybox

# The board's zone configs and DTs.
GUEST_CONFIGS := configs/$(HV_PLATFORM)

# Debian's kernel, which zone0 and the Linux zone1s boot, and its modules:
# the release is read from the link's target (boot/vmlinuz-<release> on
# arm64, boot/vmlinux-<release> on usr-merged riscv64) when a recipe runs,
# after setup has unpacked the package.
GUEST_KERNEL  := $(GUEST_PKGS)/Image
GUEST_KERNEL_RELEASE = $(patsubst vmlinux-%,%,$(patsubst vmlinuz-%,%,$(notdir $(realpath $(GUEST_KERNEL)))))
GUEST_MODULES  = $(GUEST_PKGS)/root/$(if $(filter riscv64,$(ARCH)),usr/)lib/modules/$(GUEST_KERNEL_RELEASE)

# Both come from scripts/setup.sh, which `make`, `make run` and `make test`
# run first; a target asked for on its own before that says so.
$(GUEST_KERNEL) $(GUEST_BUSYBOX):
	@echo "$@ is missing: run \`make setup\` (or plain \`make\`) first" >&2; exit 1

# Recipe lines shared by the busybox root trees.
# $(call busybox_rootfs,<dir>,<init script>[,<init path>]): a fresh root
# holding busybox and the init script, at /init unless a path is given.
# /bin/sh must exist before the init runs `busybox --install`, which needs the
# other directories to exist. The kernel's built-in initramfs already provides
# /dev/console.
define busybox_rootfs
rm -rf $(1)
mkdir -p $(addprefix $(1)/,bin sbin usr/bin usr/sbin dev proc sys tmp root)
cp $(GUEST_BUSYBOX) $(1)/bin/busybox
ln -s busybox $(1)/bin/sh
install -m 755 $(2) $(1)/$(or $(3),init)
endef

# $(call kernel_modules,<dir>,<module names>): the modules, with everything
# they need, in <dir> for guests/kernel-modules/load-modules.
define kernel_modules
rm -rf $(1)
$(PYTHON) guests/kernel-modules/gather.py $(GUEST_MODULES) $(1) $(2)
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

# $(call dtb_with_bootargs,<dtb>,<words>): the DTB with words added to its
# kernel command line, for variants that differ from it only there.
define dtb_with_bootargs
cp $(1) $@.tmp
fdtput -t s $@.tmp /chosen bootargs "$$(fdtget -t s $(1) /chosen bootargs) $(2)"
mv $@.tmp $@
endef

# $(call json_with_dtb,<json>,<its DTB path>,<variant's DTB path>): the zone
# JSON naming another DTB; grep fails loudly if the JSON stops naming the one
# this replaces.
define json_with_dtb
@mkdir -p $(@D)
grep -q '"$(2)"' $(1)
sed 's|"$(2)"|"$(3)"|' $(1) > $@
endef

# The bare-metal test guests are aarch64 programs.
ifeq ($(ARCH),aarch64)
include guests/baremetal/baremetal.mk
include guests/selftest/selftest.mk
include guests/zoneprobe/zoneprobe.mk
include guests/virtiohostile/virtiohostile.mk
include guests/virtioflood/virtioflood.mk
include guests/exitbench/exitbench.mk
include guests/hypfault/hypfault.mk
include guests/chaos/chaos.mk
endif
include guests/zone1/zone1.mk
include guests/zone1-disk/zone1-disk.mk
include guests/zone1-virtio/zone1-virtio.mk
include guests/linux/linux.mk
# The riscv64 bare-metal test zones add themselves to zone0's initramfs.
ifeq ($(ARCH),riscv64)
include guests/riscv64-test-zones.mk
include guests/exitbench-riscv64/exitbench-riscv64.mk
endif

.PHONY: guests
guests: $(GUEST_TARGETS)
