/* zone0's PL011 is passed through, another zone's is emulated; both are
 * usable out of reset (QEMU), so there is nothing to initialise. */
#include "mmio.h"
#include "uart.h"

#define UART_BASE   0x09000000UL
#define UARTDR      (UART_BASE + 0x00)
#define UARTFR      (UART_BASE + 0x18)
#define UARTFR_RXFE (1u << 4)
#define UARTFR_TXFF (1u << 5)

void uart_putc(char c)
{
	while (mmio_read32(UARTFR) & UARTFR_TXFF)
		;
	mmio_write32(UARTDR, (uint8_t)c);
}

char uart_getc(void)
{
	while (mmio_read32(UARTFR) & UARTFR_RXFE)
		;
	return (char)mmio_read32(UARTDR);
}
