# Host unit tests: one cmocka binary per concept, each compiling the hypervisor
# sources it tests directly with the host compiler (and the host libc, in place
# of hypervisor/core/cstring.c, which only test_cstring builds, renamed), under
# AddressSanitizer and UBSan.
UNIT_OUT    := $(BUILD)/tests/unit
UNIT_CC     := gcc
UNIT_CFLAGS := -std=c11 -Wall -Wextra -Werror -g -fsanitize=address,undefined \
               -Iinclude -Ihypervisor/include -Ihypervisor/arch/aarch64/include -MMD -MP
UNIT_LDLIBS := -lcmocka

# The hypervisor sources each test links against.
UNIT_SRCS_stage2       := hypervisor/arch/aarch64/stage2_table.c \
                          hypervisor/arch/aarch64/stage2_limits.c hypervisor/core/page_pool.c
UNIT_SRCS_page_pool    := hypervisor/core/page_pool.c
# What zone0's tools link too: no page tables. The real platform supplies a
# root zone that must pass.
UNIT_SRCS_config_check := hypervisor/core/config_check.c hypervisor/core/config_error.c \
                          hypervisor/core/format.c \
                          hypervisor/arch/aarch64/stage2_limits.c \
                          hypervisor/arch/aarch64/irqchip_config.c \
                          hypervisor/platform/qemu-virt/platform.c
UNIT_SRCS_format       := hypervisor/core/format.c
UNIT_SRCS_dabt         := hypervisor/arch/aarch64/dabt.c
UNIT_SRCS_vgic_state   := hypervisor/arch/aarch64/vgic_state.c
UNIT_SRCS_el2_map      := hypervisor/arch/aarch64/el2_map.c
UNIT_SRCS_fdt_chosen   := hypervisor/core/fdt_chosen.c hypervisor/core/fdt.c
UNIT_SRCS_fdt_cpus     := hypervisor/core/fdt_cpus.c hypervisor/core/fdt.c
UNIT_SRCS_rate_limit   := hypervisor/core/rate_limit.c
UNIT_SRCS_log          := hypervisor/core/log.c hypervisor/core/rate_limit.c \
                          hypervisor/core/format.c
UNIT_SRCS_el1_exception := hypervisor/arch/aarch64/el1_exception.c
UNIT_SRCS_console_pl011 := hypervisor/platform/qemu-virt/console_pl011.c hypervisor/core/console.c \
                          hypervisor/core/format.c
UNIT_SRCS_cstring      := hypervisor/core/cstring.c
UNIT_SRCS_ram_clear    := hypervisor/core/ram_clear.c
UNIT_SRCS_virtio_ring_share := hypervisor/core/virtio_ring_share.c
UNIT_SRCS_pmu_sw_increment := hypervisor/arch/aarch64/pmu_sw_increment.c
UNIT_SRCS_smccc_arch   := hypervisor/arch/aarch64/smccc_arch.c
UNIT_SRCS_trap_controls := hypervisor/arch/aarch64/trap_controls.c
UNIT_SRCS_zone_stop    := hypervisor/core/zone_stop.c
UNIT_SRCS_console_model_ns16550 := hypervisor/platform/qemu-virt-riscv64/console_model_ns16550.c
UNIT_SRCS_irqchip_config_riscv64 := hypervisor/core/config_check.c \
                          hypervisor/core/config_error.c hypervisor/core/format.c \
                          hypervisor/arch/riscv64/irqchip_config.c \
                          hypervisor/arch/riscv64/stage2_limits.c
UNIT_SRCS_insn_decode  := hypervisor/arch/riscv64/insn_decode.c
UNIT_SRCS_vplic_state  := hypervisor/arch/riscv64/vplic_state.c
UNIT_SRCS_stage2_riscv64 := hypervisor/arch/riscv64/stage2_table.c \
                          hypervisor/arch/riscv64/stage2_limits.c hypervisor/core/page_pool.c



UNIT_TESTS := stage2 page_pool config_check format dabt vgic_state el2_map fdt_chosen \
              fdt_cpus rate_limit el1_exception console_pl011 cstring ram_clear \
              virtio_ring_share pmu_sw_increment smccc_arch trap_controls zone_stop log
# riscv64's tests: built with the riscv64 headers and the riscv64 layout of
# the zone config, in an object tree of their own.
UNIT_TESTS_RISCV64 := irqchip_config_riscv64 console_model_ns16550 insn_decode vplic_state \
                      stage2_riscv64
UNIT_BINS  := $(UNIT_TESTS:%=$(UNIT_OUT)/test_%) $(UNIT_TESTS_RISCV64:%=$(UNIT_OUT)/test_%)
UNIT_OBJS  := $(sort $(foreach t,$(UNIT_TESTS), \
                $(patsubst %.c,$(UNIT_OUT)/obj/%.o,tests/unit/test_$(t).c $(UNIT_SRCS_$(t))))) \
              $(sort $(foreach t,$(UNIT_TESTS_RISCV64), \
                $(patsubst %.c,$(UNIT_OUT)/riscv64/%.o,tests/unit/test_$(t).c $(UNIT_SRCS_$(t)))))

.PHONY: unit-test
# Runs every binary even after a failure, then fails if any did.
unit-test: $(UNIT_BINS)
	@status=0; for t in $(UNIT_BINS); do \
		echo "== $$t"; $$t || status=1; \
	done; exit $$status

# The hypervisor's C library functions, renamed so the test can call them
# beside the host's.
CSTRING_RENAMES := -Dmemcpy=hv_memcpy -Dmemset=hv_memset -Dmemcmp=hv_memcmp -Dstrnlen=hv_strnlen
$(UNIT_OUT)/obj/hypervisor/core/cstring.o: UNIT_CFLAGS += $(CSTRING_RENAMES)

$(UNIT_OUT)/obj/%.o: %.c tests/unit/unit.mk
	@mkdir -p $(dir $@)
	$(UNIT_CC) $(UNIT_CFLAGS) -c $< -o $@

UNIT_CFLAGS_RISCV64 := $(subst arch/aarch64,arch/riscv64,$(UNIT_CFLAGS)) -DTESSERA_TARGET_RISCV64
$(UNIT_OUT)/riscv64/%.o: %.c tests/unit/unit.mk
	@mkdir -p $(dir $@)
	$(UNIT_CC) $(UNIT_CFLAGS_RISCV64) -c $< -o $@

# One link rule per test: its own object plus the hypervisor objects it tests.
define UNIT_LINK_RULE
$(UNIT_OUT)/test_$(1): $(patsubst %.c,$(UNIT_OUT)/obj/%.o,tests/unit/test_$(1).c $(UNIT_SRCS_$(1)))
	$$(UNIT_CC) $$(UNIT_CFLAGS) $$^ $$(UNIT_LDLIBS) -o $$@
endef
$(foreach t,$(UNIT_TESTS),$(eval $(call UNIT_LINK_RULE,$(t))))

define UNIT_LINK_RULE_RISCV64
$(UNIT_OUT)/test_$(1): $(patsubst %.c,$(UNIT_OUT)/riscv64/%.o,tests/unit/test_$(1).c $(UNIT_SRCS_$(1)))
	$$(UNIT_CC) $$(UNIT_CFLAGS_RISCV64) $$^ $$(UNIT_LDLIBS) -o $$@
endef
$(foreach t,$(UNIT_TESTS_RISCV64),$(eval $(call UNIT_LINK_RULE_RISCV64,$(t))))

# test_fdt_cpus reads, at run time, the trees dtc compiles from its sources.
UNIT_FDT_CPUS_DTBS := $(patsubst tests/unit/fdt_cpus/%.dts,$(UNIT_OUT)/fdt_cpus/%.dtb, \
                        $(wildcard tests/unit/fdt_cpus/*.dts))

$(UNIT_OUT)/fdt_cpus/%.dtb: tests/unit/fdt_cpus/%.dts
	@mkdir -p $(dir $@)
	dtc -q -I dts -O dtb -o $@ $<

$(UNIT_OUT)/obj/tests/unit/test_fdt_cpus.o: $(UNIT_FDT_CPUS_DTBS)
$(UNIT_OUT)/obj/tests/unit/test_fdt_cpus.o: \
	UNIT_CFLAGS += -DFDT_CPUS_BLOBS='"$(abspath $(UNIT_OUT)/fdt_cpus)"'

-include $(UNIT_OBJS:.o=.d)
