# chaos on riscv64: a bare-metal VS-mode guest started as zone1 from zone0,
# which runs random but reproducible operations against the hypervisor
# from the seed zone0 gives it (tests/system/test_riscv64_chaos.py). Its
# argument parsing and PRNG are guests/chaos's.
# configs/qemu-virt-riscv64/zone1-chaos.json starts it; both ship in zone0's
# initramfs (guests/riscv64-test-zones.mk).

CHAOS_RV_DIR := guests/chaos-riscv64
CHAOS_RV_OUT := $(BUILD)/guests/chaos-riscv64
CHAOS_RV_ELF := $(CHAOS_RV_OUT)/chaos.elf
CHAOS_RV_BIN := $(BUILD)/guests/chaos.bin
CHAOS_RV_DTB := $(BUILD)/guests/zone1-chaos.dtb
# kernel_load_paddr and entry_point in zone1-chaos.json.
CHAOS_RV_LOAD_ADDR := 0xf8000000

CHAOS_RV_OBJS := $(addprefix $(CHAOS_RV_OUT)/,main.o trap_vector.o chaos_trap.o instruction.o \
                   addresses.o csr_ops.o memory_ops.o system_ops.o call_ops.o jump_ops.o) \
                 $(BUILD)/guests/chaos/args.o

$(CHAOS_RV_OBJS): BAREMETAL_RV_CFLAGS += -I guests/chaos

GUEST_TARGETS += $(CHAOS_RV_BIN) $(CHAOS_RV_DTB)

$(CHAOS_RV_ELF): $(CHAOS_RV_OBJS) $(BAREMETAL_RV_OBJS) $(BAREMETAL_RV_LDS) \
                 $(CHAOS_RV_DIR)/chaos-riscv64.mk
	$(call baremetal_rv_link,$(CHAOS_RV_LOAD_ADDR))

$(CHAOS_RV_BIN): $(CHAOS_RV_ELF)
	$(OBJCOPY) -O binary $< $@

$(CHAOS_RV_DTB): configs/qemu-virt-riscv64/zone1-chaos.dts
	@mkdir -p $(@D)
	dtc -I dts -O dtb -o $@ $<

-include $(CHAOS_RV_OBJS:.o=.d)
