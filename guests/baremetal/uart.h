/* Polled output, and input, on the zone's PL011 at 0x09000000. */
#ifndef BAREMETAL_UART_H
#define BAREMETAL_UART_H

void uart_putc(char c);
/* Waits for a character typed on the console: zone0's only, as the PL011
 * the hypervisor emulates for other zones has no input. */
char uart_getc(void);

#endif
