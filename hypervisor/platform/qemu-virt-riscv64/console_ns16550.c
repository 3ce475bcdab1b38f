/* The hypervisor's console UART on this board: an ns16550a, which OpenSBI
 * has programmed (115200 8N1; QEMU ignores the divisor), so it needs no
 * programming here. */
#include "console.h"

#define UART_BASE 0x10000000UL
#define UART_THR  0x00
#define UART_LSR  0x05
#define LSR_THRE  (1u << 5)

bool console_uart_tx_full(void)
{
	return !(*(volatile uint8_t *)(UART_BASE + UART_LSR) & LSR_THRE);
}

void console_uart_put(uint8_t byte)
{
	*(volatile uint8_t *)(UART_BASE + UART_THR) = byte;
}
