/* Polled output on the zone's PL011 at 0x09000000. */
#ifndef BAREMETAL_UART_H
#define BAREMETAL_UART_H

void uart_putc(char c);

#endif
