/* print.c's output (guests/baremetal/uart.h's uart_putc) through the SBI
 * 0.1 console, which every zone has: a zone other than zone0 has no UART,
 * and the hypervisor prints the zone's lines behind its name. */
#include "sbi.h"
#include "uart.h"

void uart_putc(char c)
{
	sbi_call2(SBI_LEGACY_CONSOLE_PUTCHAR, 0, (uint8_t)c, 0);
}
