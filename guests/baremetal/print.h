/* Minimal printf to the UART: %d %u %x %s, optionally with an l modifier. */
#ifndef BAREMETAL_PRINT_H
#define BAREMETAL_PRINT_H

#include <stdarg.h>

void vprint(const char *fmt, va_list args);
void print(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
