# zone0's CLI `tessera`: a static binary for zone0 (HV_ARCH), the same program
# for the build host (config check / config show / virtio check), its tests
# and a libFuzzer target for the JSON-to-config path. The virtio back-end
# daemon (tools/virtio) is part of it. `make tools` builds both binaries.
TOOLS_OUT        := $(BUILD)/tools
TOOLS_CLI_TARGET := $(TOOLS_OUT)/$(HV_ARCH)/tessera
TOOLS_CLI_HOST   := $(TOOLS_OUT)/host/tessera

# The validator and the board description, shared with the hypervisor.
TOOLS_HV_SRCS := hypervisor/core/config_check.c hypervisor/core/config_error.c \
                 hypervisor/core/format.c hypervisor/arch/$(HV_ARCH)/stage2_limits.c \
                 hypervisor/arch/$(HV_ARCH)/irqchip_config.c \
                 hypervisor/platform/$(HV_PLATFORM)/platform.c
TOOLS_VIRTIO_SRCS := $(wildcard tools/virtio/*.c)
# The arch_config keys are the architecture's.
TOOLS_ARCH_SRCS := $(wildcard tools/cli/$(HV_ARCH)/*.c)
TOOLS_CLI_SRCS := $(wildcard tools/cli/*.c) $(TOOLS_ARCH_SRCS) $(TOOLS_VIRTIO_SRCS)
# The part that needs neither files nor /dev/hvisor: JSON to a checked config.
TOOLS_PARSE_SRCS := $(addprefix tools/cli/,zone_json.c json_fields.c json_number.c \
                    number_fields.c describe.c message.c image_layout.c) $(TOOLS_ARCH_SRCS) \
                    $(TOOLS_HV_SRCS)

# A build for the build host checks the target's configs: the target's
# layout of the zone config.
TOOLS_INCLUDES := -Iinclude -Ihypervisor/include -Ihypervisor/arch/$(HV_ARCH)/include \
                  $(if $(filter riscv64,$(HV_ARCH)),-DTESSERA_TARGET_RISCV64) \
                  -Itools/cli -Itools/virtio
TOOLS_CFLAGS   := -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -g -Wall -Wextra -Werror -MMD -MP \
                  $(TOOLS_INCLUDES)
TOOLS_HOST_CC  := gcc
ifeq ($(HV_ARCH),riscv64)
# Debian 13's riscv64 libjansson-dev, unpacked by setup (Debian 12 has no
# riscv64 archive), and what its static library needs of a newer glibc.
TOOLS_JANSSON_TARGET ?= $(GUEST_PKGS)/root/usr/lib/riscv64-linux-gnu/libjansson.a
TOOLS_TARGET_CFLAGS  := -isystem $(GUEST_PKGS)/root/usr/include
TOOLS_TARGET_EXTRA_SRCS := tools/compat/isoc23_strtoll.c
else
TOOLS_JANSSON_TARGET ?= /usr/lib/aarch64-linux-gnu/libjansson.a
TOOLS_TARGET_CFLAGS  :=
TOOLS_TARGET_EXTRA_SRCS :=
endif

TOOLS_HOST_OBJS   := $(patsubst %.c,$(TOOLS_OUT)/host/obj/%.o,$(TOOLS_CLI_SRCS) $(TOOLS_HV_SRCS))
TOOLS_TARGET_OBJS := $(patsubst %.c,$(TOOLS_OUT)/$(HV_ARCH)/obj/%.o,$(TOOLS_CLI_SRCS) $(TOOLS_HV_SRCS) \
                     $(TOOLS_TARGET_EXTRA_SRCS))

.PHONY: tools tools-test fuzz-config
tools: $(TOOLS_CLI_TARGET) $(TOOLS_CLI_HOST)

# epoll, signalfd, eventfd, PTYs and pipe2 are GNU extensions to POSIX.
$(TOOLS_OUT)/host/obj/tools/virtio/%.o $(TOOLS_OUT)/$(HV_ARCH)/obj/tools/virtio/%.o: \
	TOOLS_CFLAGS += -D_GNU_SOURCE

$(TOOLS_OUT)/host/obj/%.o: %.c tools/tools.mk
	@mkdir -p $(dir $@)
	$(TOOLS_HOST_CC) $(TOOLS_CFLAGS) -c $< -o $@

$(TOOLS_OUT)/$(HV_ARCH)/obj/%.o: %.c tools/tools.mk
	@mkdir -p $(dir $@)
	$(CC_TARGET) $(TOOLS_CFLAGS) $(TOOLS_TARGET_CFLAGS) -c $< -o $@

$(TOOLS_CLI_HOST): $(TOOLS_HOST_OBJS)
	$(TOOLS_HOST_CC) $^ -ljansson -o $@

$(TOOLS_CLI_TARGET): $(TOOLS_TARGET_OBJS)
	$(CC_TARGET) -static $^ $(TOOLS_JANSSON_TARGET) -o $@

# Unit tests of the JSON conversion and of the virtio back-ends (cmocka),
# under ASan and UBSan.
TOOLS_UNIT_BIN    := $(TOOLS_OUT)/test_zone_json
TOOLS_SANITIZE    := -fsanitize=address,undefined -fno-sanitize-recover=all

$(TOOLS_UNIT_BIN): tests/tools/test_zone_json.c $(TOOLS_PARSE_SRCS) tools/tools.mk
	@mkdir -p $(dir $@)
	$(TOOLS_HOST_CC) $(TOOLS_CFLAGS) -Itools/cli $(TOOLS_SANITIZE) \
		$(filter %.c,$^) -ljansson -lcmocka -o $@

# A virtio daemon that treats the hypervisor as hvisor-tool's does, for
# zone0's system tests: tessera's devices, hvisor's ways (tests/hvisor_like_daemon).
HVISOR_LIKE_DAEMON := $(TOOLS_OUT)/$(HV_ARCH)/hvisor-like-daemon
HVISOR_LIKE_DAEMON_SRCS := tests/hvisor_like_daemon/main.c \
	$(filter-out $(addprefix tools/virtio/,virtio_commands.c console_attach.c daemon_start.c \
	daemon_detach.c),$(TOOLS_VIRTIO_SRCS)) \
	$(addprefix tools/cli/,message.c json_fields.c json_number.c json_file.c hvisor_device.c)
HVISOR_LIKE_DAEMON_OBJS := $(patsubst %.c,$(TOOLS_OUT)/$(HV_ARCH)/obj/%.o,$(HVISOR_LIKE_DAEMON_SRCS) \
	$(TOOLS_TARGET_EXTRA_SRCS))

$(TOOLS_OUT)/$(HV_ARCH)/obj/tests/hvisor_like_daemon/%.o: TOOLS_CFLAGS += -D_GNU_SOURCE

$(HVISOR_LIKE_DAEMON): $(HVISOR_LIKE_DAEMON_OBJS)
	$(CC_TARGET) -static $^ $(TOOLS_JANSSON_TARGET) -o $@

# The CLI's requests over a module that is not tessera's.
TOOLS_DEVICE_TEST_BIN := $(TOOLS_OUT)/test_hvisor_device

$(TOOLS_DEVICE_TEST_BIN): tests/tools/test_hvisor_device.c tools/cli/hvisor_device.c \
		tools/cli/message.c tools/tools.mk
	@mkdir -p $(dir $@)
	$(TOOLS_HOST_CC) $(TOOLS_CFLAGS) -Itools/cli $(TOOLS_SANITIZE) \
		$(filter %.c,$^) -lcmocka -o $@

# Each tests/tools/test_virtio_*.c is one binary, linked with a fake guest
# driver and all of the daemon but its commands.
TOOLS_VIRTIO_COMMAND_SRCS := $(addprefix tools/virtio/,virtio_commands.c console_attach.c \
                             daemon_start.c daemon_detach.c)
TOOLS_VIRTIO_TEST_SRCS := $(filter-out $(TOOLS_VIRTIO_COMMAND_SRCS),$(TOOLS_VIRTIO_SRCS)) \
                          tests/tools/virtio_test_driver.c \
                          $(addprefix tools/cli/,message.c json_fields.c json_number.c \
                          json_file.c hvisor_device.c)
TOOLS_VIRTIO_TEST_OBJS := $(patsubst %.c,$(TOOLS_OUT)/test-obj/%.o,$(TOOLS_VIRTIO_TEST_SRCS))
TOOLS_VIRTIO_TEST_BINS := $(patsubst tests/tools/%.c,$(TOOLS_OUT)/%, \
                          $(wildcard tests/tools/test_virtio_*.c))
TOOLS_VIRTIO_TEST_MAINS := $(patsubst $(TOOLS_OUT)/%,$(TOOLS_OUT)/test-obj/tests/tools/%.o, \
                           $(TOOLS_VIRTIO_TEST_BINS))
# Kept between builds, though only pattern rules name them.
.SECONDARY: $(TOOLS_VIRTIO_TEST_OBJS) $(TOOLS_VIRTIO_TEST_MAINS)

$(TOOLS_OUT)/test-obj/%.o: %.c tools/tools.mk
	@mkdir -p $(dir $@)
	$(TOOLS_HOST_CC) $(TOOLS_CFLAGS) -D_GNU_SOURCE $(TOOLS_SANITIZE) -c $< -o $@

$(TOOLS_OUT)/test_virtio_%: $(TOOLS_OUT)/test-obj/tests/tools/test_virtio_%.o \
		$(TOOLS_VIRTIO_TEST_OBJS)
	$(TOOLS_HOST_CC) $(TOOLS_SANITIZE) -pthread $^ -ljansson -lcmocka -o $@

# The fuzz target; new inputs go to the build tree, the seeds stay as
# committed. `make fuzz-config FUZZ_SECONDS=3600` for a long run.
TOOLS_FUZZ_BIN     := $(TOOLS_OUT)/fuzz_zone_json
TOOLS_FUZZ_CORPUS  := $(TOOLS_OUT)/fuzz-corpus
TOOLS_FUZZ_SEEDS   := tools/fuzz/corpus
TOOLS_FUZZ_FLAGS   := -dict=tools/fuzz/zone_json.dict
FUZZ_SECONDS       ?= 600
TOOLS_TEST_FUZZ_SECONDS := 20

$(TOOLS_FUZZ_BIN): tools/fuzz/fuzz_zone_json.c $(TOOLS_PARSE_SRCS) tools/tools.mk
	@mkdir -p $(dir $@)
	clang $(filter-out -MMD -MP,$(TOOLS_CFLAGS)) -Itools/cli \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		$(filter %.c,$^) -ljansson -o $@

fuzz-config: $(TOOLS_FUZZ_BIN)
	@mkdir -p $(TOOLS_FUZZ_CORPUS)
	$(TOOLS_FUZZ_BIN) $(TOOLS_FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) \
		$(TOOLS_FUZZ_CORPUS) $(TOOLS_FUZZ_SEEDS)

# Runs every stage even after a failure, then fails if any did.
tools-test: $(TOOLS_CLI_HOST) $(TOOLS_CLI_TARGET) $(TOOLS_UNIT_BIN) $(TOOLS_DEVICE_TEST_BIN) \
		$(TOOLS_VIRTIO_TEST_BINS) $(TOOLS_FUZZ_BIN)
	@mkdir -p $(TOOLS_FUZZ_CORPUS)
	@status=0; \
	for test in $(TOOLS_UNIT_BIN) $(TOOLS_DEVICE_TEST_BIN) $(TOOLS_VIRTIO_TEST_BINS); do \
		echo "== $$test"; $$test || status=1; \
	done; \
	echo "== tests/tools"; TESSERA_CLI=$(abspath $(TOOLS_CLI_HOST)) \
		$(PYTHON) -m pytest -q tests/tools || status=1; \
	echo "== $(TOOLS_FUZZ_BIN) for $(TOOLS_TEST_FUZZ_SECONDS) s"; \
	$(TOOLS_FUZZ_BIN) $(TOOLS_FUZZ_FLAGS) -max_total_time=$(TOOLS_TEST_FUZZ_SECONDS) \
		$(TOOLS_FUZZ_CORPUS) $(TOOLS_FUZZ_SEEDS) 2>$(TOOLS_OUT)/fuzz.log \
		&& grep '^Done' $(TOOLS_OUT)/fuzz.log \
		|| { tail -n 40 $(TOOLS_OUT)/fuzz.log; status=1; }; \
	exit $$status

-include $(TOOLS_HOST_OBJS:.o=.d) $(TOOLS_TARGET_OBJS:.o=.d) $(TOOLS_VIRTIO_TEST_OBJS:.o=.d) \
         $(TOOLS_VIRTIO_TEST_MAINS:.o=.d)
