# Test guests and zone0 images. Each guest's own .mk adds its outputs to
# GUEST_TARGETS.
GUEST_TARGETS :=

include guests/selftest/selftest.mk
include guests/linux/linux.mk

.PHONY: guests
guests: $(GUEST_TARGETS)
