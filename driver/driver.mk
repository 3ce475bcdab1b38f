# zone0's kernel module hvisor.ko, built out of tree by Kbuild against the
# unpacked Debian headers of zone0's kernel. Kbuild writes its objects next
# to the sources it is given, so the sources are linked into DRIVER_OUT.
DRIVER_OUT     := $(BUILD)/driver
DRIVER_KO      := $(DRIVER_OUT)/hvisor.ko
DRIVER_KBUILD  := $(DRIVER_OUT)/headers
DRIVER_SOURCES := driver/Kbuild $(wildcard driver/*.c driver/*.h)
DRIVER_ABI     := $(addprefix include/tessera/,hvisor_ioctl.h hypercall.h zone_config.h virtio_bridge.h)
# zone0's kernel is $(GUEST_PKGS)/Image -> .../boot/vmlinu[zx]-<release>,
# whose last word (arm64, riscv64) names kbuild-tree.sh's tree.
DRIVER_RELEASE := $(patsubst vmlinux-%,%,$(patsubst vmlinuz-%,%,$(notdir $(shell readlink $(GUEST_PKGS)/Image))))
DRIVER_TREE    := $(DRIVER_KBUILD)/$(lastword $(subst -, ,$(DRIVER_RELEASE)))
# Kbuild's own ARCH, given explicitly: make's ARCH=riscv64 reaches it too.
DRIVER_KBUILD_VARS := ARCH=$(KERNEL_ARCH) CROSS_COMPILE=$(CROSS)

ifeq ($(ARCH),riscv64)
# Debian 13's headers name gcc-14 and a modpost built for trixie's glibc,
# neither of which Debian 12 has: the cross gcc and a modpost built here
# from the kernel's own sources (scripts/setup.sh unpacks them) stand in.
# Without pahole, module BTF is left out.
DRIVER_MODPOST := $(DRIVER_OUT)/modpost/modpost
DRIVER_KBUILD_VARS += CC=$(CC_TARGET) MODPOST=$(abspath $(DRIVER_MODPOST)) \
                      CONFIG_DEBUG_INFO_BTF_MODULES=

$(DRIVER_MODPOST): driver/kbuild-modpost.sh $(DRIVER_KBUILD)/.release-$(DRIVER_RELEASE)
	sh driver/kbuild-modpost.sh $(GUEST_PKGS)/kernel-scripts $(DRIVER_TREE) $(@D) $(CC_TARGET) \
		ARCH=$(KERNEL_ARCH) CROSS_COMPILE=$(CROSS)
endif

.PHONY: driver
driver: $(DRIVER_KO)

# Named by release, so a new kernel package gets a new tree even though the
# unpacked files keep the package's (older) timestamps.
$(DRIVER_KBUILD)/.release-$(DRIVER_RELEASE): driver/kbuild-tree.sh $(GUEST_PKGS)/Image
	rm -f $(DRIVER_KBUILD)/.release-*
	sh driver/kbuild-tree.sh $(GUEST_PKGS)/root/usr/src $(DRIVER_RELEASE) $(DRIVER_KBUILD)
	touch $@

# Kbuild decides itself what to rebuild; the touch marks the module up to
# date when only something Kbuild ignores (such as driver.mk) changed.
$(DRIVER_KO): $(DRIVER_SOURCES) $(DRIVER_ABI) driver/driver.mk $(DRIVER_KBUILD)/.release-$(DRIVER_RELEASE) \
	      $(DRIVER_MODPOST)
	mkdir -p $(DRIVER_OUT)
	ln -sf $(addprefix $(abspath .)/,$(DRIVER_SOURCES)) $(DRIVER_OUT)/
	$(MAKE) -C $(DRIVER_TREE) $(DRIVER_KBUILD_VARS) M=$(abspath $(DRIVER_OUT)) modules
	touch $@
