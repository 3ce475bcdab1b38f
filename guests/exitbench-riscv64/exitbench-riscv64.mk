# exitbench on riscv64: a bare-metal S-mode guest timing what leaves a zone
# (hypercall, SBI call, trapped vPLIC read, SBI IPI round trip, Sstc timer).
# bench/exits.py --arch riscv64 runs it as zone0 (the raw image at zone0's
# kernel address) and natively on QEMU, where OpenSBI starts the ELF at its
# entry, the same address, which lies in the native machine's RAM too. It
# shares guests/exitbench's batching and medians (measure.c) and the
# riscv64 bare-metal library (guests/baremetal-riscv64).

EXITBENCH_RV_DIR := guests/exitbench-riscv64
EXITBENCH_RV_OUT := $(BUILD)/guests/exitbench-riscv64
EXITBENCH_RV_ELF := $(BUILD)/guests/exitbench.elf
EXITBENCH_RV_BIN := $(BUILD)/guests/exitbench.bin
# zone0's entry_point (hypervisor/platform/qemu-virt-riscv64/platform.c).
EXITBENCH_RV_LOAD_ADDR := 0x90200000

EXITBENCH_RV_OBJS := $(addprefix $(EXITBENCH_RV_OUT)/,main.o trap_rows.o interrupts.o \
                       interrupt_vector.o ipi_round_trip.o timer_latency.o) \
                     $(BUILD)/guests/exitbench/measure.o

$(EXITBENCH_RV_OBJS): BAREMETAL_RV_CFLAGS += -I guests/exitbench

GUEST_TARGETS += $(EXITBENCH_RV_BIN)

$(EXITBENCH_RV_ELF): $(EXITBENCH_RV_OBJS) $(BAREMETAL_RV_OBJS) $(BAREMETAL_RV_SECONDARY_OBJ) \
                     $(BAREMETAL_RV_LDS) $(EXITBENCH_RV_DIR)/exitbench-riscv64.mk
	$(call baremetal_rv_link,$(EXITBENCH_RV_LOAD_ADDR))

$(EXITBENCH_RV_BIN): $(EXITBENCH_RV_ELF)
	$(OBJCOPY) -O binary $< $@

-include $(EXITBENCH_RV_OBJS:.o=.d)
