/* The hypervisor's own console (core/console.c), on the board's UART. */
#ifndef CONSOLE_H
#define CONSOLE_H

#include <stdbool.h>
#include <stdint.h>

void console_write(const char *text, unsigned long len);

/* The board's UART (hypervisor/platform/<board>/): whether its transmitter
 * has no room for a byte, and a byte written to it. */
bool console_uart_tx_full(void);
void console_uart_put(uint8_t byte);

#endif
