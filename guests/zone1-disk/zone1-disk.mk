# zone1's root filesystem: a sparse ext4 image of a busybox tree whose
# /sbin/init is guests/zone1-disk/init. zone0 gets the image as a QEMU disk
# (its /dev/vda) and its virtio daemon serves that to zone1 (zone1's
# /dev/vda). `make run` attaches this very file, so what zone1 writes stays
# from one run to the next; the system tests attach copies.
#
# It depends on its contents only (not on guests.mk, the kernel or its
# modules, which live in zone1's initramfs): every rebuild discards what was
# written to it.

ZONE1_DISK_OUT  := $(BUILD)/guests/zone1-disk
ZONE1_DISK      := $(ZONE1_DISK_OUT)/zone1-rootfs.ext4
ZONE1_DISK_TREE := $(ZONE1_DISK_OUT)/tree
ZONE1_DISK_SIZE := 256M

# mke2fs -d copies each file's owner: set them to root afterwards, so the
# image is the same whoever builds it, without fakeroot.
define ext4_owned_by_root
(cd $(1) && find .) | sed 's|^\.||; s|^$$|/|; s|.*|set_inode_field "&" uid 0\nset_inode_field "&" gid 0|' | \
	debugfs -w -f - $(2) > /dev/null
endef

# -T default: 4 KiB blocks, where mke2fs would choose 1 KiB ones for a disk
# this small; every block request of zone1 is a round trip through zone0.
$(ZONE1_DISK): guests/zone1-disk/init $(GUEST_BUSYBOX) guests/zone1-disk/zone1-disk.mk
	$(call busybox_rootfs,$(ZONE1_DISK_TREE),guests/zone1-disk/init,sbin/init)
	rm -f $@.tmp
	truncate -s $(ZONE1_DISK_SIZE) $@.tmp
	mke2fs -q -t ext4 -T default -L zone1-root -d $(ZONE1_DISK_TREE) $@.tmp
	$(call ext4_owned_by_root,$(ZONE1_DISK_TREE),$@.tmp)
	mv $@.tmp $@

GUEST_TARGETS += $(ZONE1_DISK)
