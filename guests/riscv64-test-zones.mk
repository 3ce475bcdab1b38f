# The riscv64 bare-metal test zones (issue 17): the zone probe and the
# chaos guest, built on their own library, and shipped in zone0's
# initramfs under /etc/tessera/test with their configs. Included after
# guests/linux/linux.mk, whose initramfs recipe copies ZONE0_TEST_FILES
# when it runs.

include guests/baremetal-riscv64/baremetal-riscv64.mk
include guests/zoneprobe-riscv64/zoneprobe-riscv64.mk
include guests/chaos-riscv64/chaos-riscv64.mk

RISCV64_TEST_ZONE_FILES := configs/qemu-virt-riscv64/zone1-probe.json $(ZONEPROBE_RV_BIN) \
                           $(ZONEPROBE_RV_DTB) configs/qemu-virt-riscv64/zone1-chaos.json \
                           $(CHAOS_RV_BIN) $(CHAOS_RV_DTB)

ZONE0_TEST_FILES += $(RISCV64_TEST_ZONE_FILES)
$(ZONE0_INITRAMFS): $(RISCV64_TEST_ZONE_FILES) guests/riscv64-test-zones.mk
