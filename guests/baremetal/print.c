#include <stdbool.h>
#include <stdint.h>

#include "print.h"
#include "uart.h"

static void put_string(const char *s)
{
	while (*s)
		uart_putc(*s++);
}

static void put_unsigned(uint64_t value, unsigned base)
{
	char digits[20]; /* UINT64_MAX has 20 decimal digits */
	unsigned n = 0;

	do {
		digits[n++] = "0123456789abcdef"[value % base];
		value /= base;
	} while (value);
	while (n)
		uart_putc(digits[--n]);
}

static void put_signed(int64_t value)
{
	if (value < 0) {
		uart_putc('-');
		put_unsigned(-(uint64_t)value, 10);
	} else {
		put_unsigned((uint64_t)value, 10);
	}
}

void vprint(const char *fmt, va_list args)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			uart_putc(*fmt);
			continue;
		}
		bool is_long = fmt[1] == 'l';

		fmt += is_long ? 2 : 1;
		switch (*fmt) {
		case 'd':
			put_signed(is_long ? va_arg(args, long) : va_arg(args, int));
			break;
		case 'u':
			put_unsigned(is_long ? va_arg(args, unsigned long) : va_arg(args, unsigned), 10);
			break;
		case 'x':
			put_unsigned(is_long ? va_arg(args, unsigned long) : va_arg(args, unsigned), 16);
			break;
		case 's':
			put_string(va_arg(args, const char *));
			break;
		case '\0':
			return; /* a format ending in '%': never step past the terminator */
		default:
			uart_putc('%');
			uart_putc(*fmt);
			break;
		}
	}
}

void print(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprint(fmt, args);
	va_end(args);
}
