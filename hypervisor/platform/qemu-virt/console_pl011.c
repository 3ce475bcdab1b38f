/* The hypervisor's console UART on this board: a PL011, which QEMU resets
 * enabled at 115200 8N1, so it needs no programming here. */
#include "console.h"

#define PL011_BASE 0x09000000UL
#define UARTDR     0x00
#define UARTFR     0x18
#define UARTFR_TXFF (1u << 5)

bool console_uart_tx_full(void)
{
	return *(volatile uint32_t *)(PL011_BASE + UARTFR) & UARTFR_TXFF;
}

void console_uart_put(uint8_t byte)
{
	*(volatile uint32_t *)(PL011_BASE + UARTDR) = byte;
}
