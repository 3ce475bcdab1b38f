/* A zone's debug console: lines out, rate limited; the registers are the
 * board's model's. */
#include "debug_console.h"

#include "arch.h"
#include "log.h"
#include "util.h"
#include "zone.h"

#define RATE_WINDOW_NS      1000000000ULL
#define RATE_BYTES_PER_WINDOW 16384

/* Returns whether the window still has room for one more byte, and reports
 * what an earlier window dropped. */
static int take_rate_budget(struct debug_console *u, const struct zone *zone)
{
	uint64_t now = arch_time_ns();

	if (now - u->window_start_ns >= RATE_WINDOW_NS) {
		if (u->bytes_dropped)
			log_warn("zone %u (%s): %u console bytes dropped (over %u bytes/s)", zone->id,
				 zone->name, u->bytes_dropped, RATE_BYTES_PER_WINDOW);
		u->window_start_ns = now;
		u->bytes_in_window = 0;
		u->bytes_dropped = 0;
	}
	if (u->bytes_in_window >= RATE_BYTES_PER_WINDOW) {
		u->bytes_dropped++;
		return 0;
	}
	u->bytes_in_window++;
	return 1;
}

static void flush_line(struct debug_console *u, const struct zone *zone)
{
	u->line[u->line_len] = '\0';
	log_raw("[%s] %s", zone->name, u->line);
	u->line_len = 0;
}

void debug_console_transmit(struct debug_console *u, const struct zone *zone, char c)
{
	if (!take_rate_budget(u, zone))
		return;
	if (c == '\n') {
		flush_line(u, zone);
		return;
	}
	if (c == '\r')
		return;
	u->line[u->line_len++] = (c >= ' ' && c < 0x7f) || c == '\t' ? c : '?';
	if (u->line_len == DEBUG_CONSOLE_LINE_MAX)
		flush_line(u, zone);
}

static bool console_access(struct vcpu *vcpu, struct mmio_access *a, void *opaque)
{
	struct zone *zone = opaque;
	struct debug_console *u = &zone->console;

	(void)vcpu;
	spin_lock(&u->lock);
	bool handled = board_console_model.access(u, zone, a, a->addr & 0xfff);
	spin_unlock(&u->lock);
	return handled;
}

int debug_console_attach(struct zone *zone, uint64_t base, uint64_t size)
{
	zone->console = (struct debug_console){ .lock = SPINLOCK_INIT };
	board_console_model.reset(&zone->console);
	return mmio_register(zone, base, size, console_access, zone);
}
