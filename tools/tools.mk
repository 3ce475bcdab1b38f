# zone0's CLI (filled in by the tools work).
TOOLS_CLI_TARGET := $(BUILD)/tools/aarch64/tessera
TOOLS_CLI_HOST   := $(BUILD)/tools/host/tessera
.PHONY: tools-test
tools-test:
