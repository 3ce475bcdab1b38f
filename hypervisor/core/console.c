/* The hypervisor's console: the board's UART, polled, transmit only, and
 * never a wait without a bound. zone0 drives the same UART; hypervisor
 * lines are written whole (log.c), under log.c's console lock, which also
 * guards the state here. The board provides the UART's two register
 * accesses (console.h). */
#include "console.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "arch.h"
#include "format.h"

/* A character leaves the UART in 87 us at 115200 baud: a transmitter full
 * for 2 ms is stalled (zone0 disabled or reprogrammed the UART, or flow
 * control holds it). */
#define TX_STALL_NS 2000000ULL

/* Once stalled, characters are dropped without waiting until the UART has
 * room again, so a dead UART costs a register read per character. */
static bool tx_stalled;
static unsigned long chars_dropped;

static bool wait_for_room(void)
{
	uint64_t deadline;

	if (!console_uart_tx_full())
		return true;
	if (tx_stalled)
		return false;
	deadline = arch_time_ns() + TX_STALL_NS;
	while (console_uart_tx_full())
		if (arch_time_ns() >= deadline) {
			tx_stalled = true;
			return false;
		}
	return true;
}

static void put_char(char c)
{
	if (!wait_for_room()) {
		chars_dropped++;
		return;
	}
	tx_stalled = false;
	console_uart_put((uint8_t)c);
}

static void put_text(const char *text, unsigned long len)
{
	for (unsigned long i = 0; i < len; i++) {
		if (text[i] == '\n')
			put_char('\r');
		put_char(text[i]);
	}
}

static void report_dropped(const char *fmt, ...)
{
	char note[64];
	va_list args;
	size_t len;

	va_start(args, fmt);
	len = format_string(note, sizeof(note), fmt, args);
	va_end(args);
	put_text(note, len < sizeof(note) ? len : sizeof(note) - 1);
}

void console_write(const char *text, unsigned long len)
{
	if (chars_dropped && !console_uart_tx_full()) {
		unsigned long dropped = chars_dropped;

		chars_dropped = 0;
		report_dropped("[console: %lu characters dropped]\n", dropped);
	}
	put_text(text, len);
}
