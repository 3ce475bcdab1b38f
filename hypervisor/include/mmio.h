/* Dispatch of trapped guest accesses to emulated device registers. */
#ifndef MMIO_H
#define MMIO_H

#include <stdbool.h>
#include <stdint.h>


struct vcpu;
struct zone;

struct mmio_access {
	uint64_t addr;      /* guest-physical */
	unsigned size;      /* 1, 2, 4 or 8 bytes */
	bool is_write;
	uint64_t value;     /* written value, or the value read back */
};

/* Returns false when the access is not one the device emulates. */
typedef bool (*mmio_handler_fn)(struct vcpu *vcpu, struct mmio_access *access, void *opaque);

struct mmio_handler {
	uint64_t base;
	uint64_t size;
	mmio_handler_fn handle;
	void *opaque;
};

int mmio_register(struct zone *zone, uint64_t base, uint64_t size, mmio_handler_fn handle,
		  void *opaque);
/* Logs (rate limited) a guest access that nothing emulates. */
void mmio_report_unhandled(struct vcpu *vcpu, const struct mmio_access *access, uint64_t pc);
/* True when an emulated device took the access; otherwise logs it (rate
 * limited) and the caller delivers an external abort to the guest. Handlers
 * see only accesses naturally aligned to their size. */
bool mmio_handle(struct vcpu *vcpu, struct mmio_access *access, uint64_t pc);

#endif
