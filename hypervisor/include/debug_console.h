/* The debug console of a non-root zone: an emulated UART at the address of
 * the board's, transmit only, whose register model is the board's
 * (board_console_model: a PL011, a 16550). Each line the zone writes
 * goes to the hypervisor console behind the zone's name, within a rate
 * limit so that a chatty zone cannot starve the others. */
#ifndef DEBUG_CONSOLE_H
#define DEBUG_CONSOLE_H

#include <stdbool.h>
#include <stdint.h>

#include "mmio.h"
#include "spinlock.h"

#define DEBUG_CONSOLE_LINE_MAX 160
#define DEBUG_CONSOLE_REGISTERS 8

struct debug_console {
	spinlock_t lock;
	char line[DEBUG_CONSOLE_LINE_MAX + 1];
	unsigned line_len;
	/* The register model's state: what the guest wrote to its control
	 * registers. */
	uint32_t registers[DEBUG_CONSOLE_REGISTERS];
	uint64_t window_start_ns;
	unsigned bytes_in_window;
	unsigned bytes_dropped;
};

struct zone;

/* A UART's registers, emulated. `access` runs under the console's lock and
 * calls debug_console_transmit for each byte written; it returns false for
 * an access the model does not emulate. */
struct console_model {
	const char *name;
	bool (*access)(struct debug_console *console, const struct zone *zone,
		       struct mmio_access *access, uint64_t offset);
	void (*reset)(struct debug_console *console);
};

/* The board's UART, defined by hypervisor/platform/<board>/. */
extern const struct console_model board_console_model;

int debug_console_attach(struct zone *zone, uint64_t base, uint64_t size);
/* One byte from the guest. Under the console's lock. */
void debug_console_transmit(struct debug_console *console, const struct zone *zone, char c);

#endif
