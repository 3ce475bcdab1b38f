/* Output on the PL011 that zone0 owns. */
#ifndef SELFTEST_UART_H
#define SELFTEST_UART_H

void uart_putc(char c);

#endif
