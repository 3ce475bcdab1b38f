# zone0's kernel module hvisor.ko, built out of tree by Kbuild against the
# unpacked Debian headers of zone0's kernel. Kbuild writes its objects next
# to the sources it is given, so the sources are linked into DRIVER_OUT.
DRIVER_OUT     := $(BUILD)/driver
DRIVER_KO      := $(DRIVER_OUT)/hvisor.ko
DRIVER_KBUILD  := $(DRIVER_OUT)/headers
DRIVER_SOURCES := driver/Kbuild $(wildcard driver/*.c driver/*.h)
DRIVER_ABI     := $(addprefix include/tessera/,hvisor_ioctl.h hypercall.h zone_config.h virtio_bridge.h)
# zone0's kernel is build/guest-pkgs/Image -> .../boot/vmlinuz-<release>.
DRIVER_RELEASE := $(patsubst vmlinuz-%,%,$(notdir $(shell readlink $(BUILD)/guest-pkgs/Image)))

.PHONY: driver
driver: $(DRIVER_KO)

# Named by release, so a new kernel package gets a new tree even though the
# unpacked files keep the package's (older) timestamps.
$(DRIVER_KBUILD)/.release-$(DRIVER_RELEASE): driver/kbuild-tree.sh $(BUILD)/guest-pkgs/Image
	rm -f $(DRIVER_KBUILD)/.release-*
	sh driver/kbuild-tree.sh $(BUILD)/guest-pkgs/root/usr/src $(DRIVER_RELEASE) $(DRIVER_KBUILD)
	touch $@

# Kbuild decides itself what to rebuild; the touch marks the module up to
# date when only something Kbuild ignores (such as driver.mk) changed.
$(DRIVER_KO): $(DRIVER_SOURCES) $(DRIVER_ABI) driver/driver.mk $(DRIVER_KBUILD)/.release-$(DRIVER_RELEASE)
	mkdir -p $(DRIVER_OUT)
	ln -sf $(addprefix $(abspath .)/,$(DRIVER_SOURCES)) $(DRIVER_OUT)/
	$(MAKE) -C $(DRIVER_KBUILD)/arm64 ARCH=arm64 CROSS_COMPILE=$(CROSS) \
		M=$(abspath $(DRIVER_OUT)) modules
	touch $@
