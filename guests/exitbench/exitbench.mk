# exitbench: a bare-metal EL1 guest timing guest exits (hypercall, trapped
# GIC registers, SGIs, EOI, virtual timer) and a TLB refill. bench/exits.py runs it in zone0
# and natively on QEMU; one image serves both, at zone0's kernel address,
# which lies in the RAM of the native machine too.

EXITBENCH_DIR := guests/exitbench
EXITBENCH_OUT := $(BUILD)/guests/exitbench
EXITBENCH_ELF := $(EXITBENCH_OUT)/exitbench.elf
EXITBENCH_BIN := $(BUILD)/guests/exitbench.bin
EXITBENCH_LOAD_ADDR := 0xa0400000

EXITBENCH_OBJS := $(addprefix $(EXITBENCH_OUT)/,main.o gic.o irq.o irq_vectors.o measure.o \
                    trap_rows.o second_vcpu.o sgi_round_trip.o eoi.o timer_latency.o \
                    tlb_refill.o)

GUEST_TARGETS += $(EXITBENCH_BIN)

$(EXITBENCH_ELF): $(EXITBENCH_OBJS) $(BAREMETAL_OBJS) $(BAREMETAL_LDS) $(EXITBENCH_DIR)/exitbench.mk
	$(call baremetal_link,$(EXITBENCH_LOAD_ADDR))

$(EXITBENCH_BIN): $(EXITBENCH_ELF)
	$(OBJCOPY) -O binary $< $@

-include $(EXITBENCH_OBJS:.o=.d)
