/* printf-style formatting: %d %i %u %x %X %p %s %c %%, with the flags '-' and
 * '0', a field width, and the length modifiers l, ll and z. */
#include <stdbool.h>
#include <stdint.h>

#include "format.h"

struct output {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct output *out, char c)
{
	if (out->len + 1 < out->size)
		out->buf[out->len] = c;
	out->len++;
}

struct field {
	unsigned width;
	bool left;
	bool zero;
};

static void put_padded(struct output *out, const char *text, size_t len, struct field f,
		       bool negative)
{
	size_t body = len + (negative ? 1 : 0);
	size_t pad = f.width > body ? f.width - body : 0;

	if (!f.left && !f.zero)
		for (; pad; pad--)
			put(out, ' ');
	if (negative)
		put(out, '-');
	if (!f.left)
		for (; pad; pad--)
			put(out, '0');
	for (size_t i = 0; i < len; i++)
		put(out, text[i]);
	for (; pad; pad--)
		put(out, ' ');
}

static void put_number(struct output *out, uint64_t value, unsigned base, bool upper,
		       bool negative, struct field f)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	size_t n = sizeof(tmp);

	do {
		tmp[--n] = digits[value % base];
		value /= base;
	} while (value);
	put_padded(out, tmp + n, sizeof(tmp) - n, f, negative);
}

enum length { LEN_INT, LEN_LONG, LEN_LONG_LONG, LEN_SIZE };

static uint64_t fetch_unsigned(va_list *args, enum length len)
{
	switch (len) {
	case LEN_LONG:
		return va_arg(*args, unsigned long);
	case LEN_LONG_LONG:
		return va_arg(*args, unsigned long long);
	case LEN_SIZE:
		return va_arg(*args, size_t);
	default:
		return va_arg(*args, unsigned int);
	}
}

static int64_t fetch_signed(va_list *args, enum length len)
{
	switch (len) {
	case LEN_LONG:
		return va_arg(*args, long);
	case LEN_LONG_LONG:
		return va_arg(*args, long long);
	case LEN_SIZE:
		return (int64_t)va_arg(*args, size_t);
	default:
		return va_arg(*args, int);
	}
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static const char *parse_field(const char *fmt, struct field *f)
{
	for (; *fmt == '-' || *fmt == '0'; fmt++) {
		if (*fmt == '-')
			f->left = true;
		else
			f->zero = true;
	}
	while (is_digit(*fmt))
		f->width = f->width * 10 + (unsigned)(*fmt++ - '0');
	return fmt;
}

static const char *parse_length(const char *fmt, enum length *len)
{
	if (*fmt == 'z')
		return *len = LEN_SIZE, fmt + 1;
	if (fmt[0] == 'l' && fmt[1] == 'l')
		return *len = LEN_LONG_LONG, fmt + 2;
	if (*fmt == 'l')
		return *len = LEN_LONG, fmt + 1;
	*len = LEN_INT;
	return fmt;
}

size_t format_string(char *buf, size_t size, const char *fmt, va_list args)
{
	struct output out = { buf, size, 0 };
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		if (*fmt != '%') {
			put(&out, *fmt++);
			continue;
		}
		struct field f = { 0 };
		enum length len;
		fmt = parse_length(parse_field(fmt + 1, &f), &len);
		char conv = *fmt ? *fmt++ : '\0';
		switch (conv) {
		case 'd':
		case 'i': {
			int64_t v = fetch_signed(&ap, len);
			put_number(&out, v < 0 ? -(uint64_t)v : (uint64_t)v, 10, false, v < 0, f);
			break;
		}
		case 'u':
			put_number(&out, fetch_unsigned(&ap, len), 10, false, false, f);
			break;
		case 'x':
		case 'X':
			put_number(&out, fetch_unsigned(&ap, len), 16, conv == 'X', false, f);
			break;
		case 'p':
			put(&out, '0');
			put(&out, 'x');
			put_number(&out, (uintptr_t)va_arg(ap, void *), 16, false, false, f);
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			size_t n = 0;
			if (!s)
				s = "(null)";
			while (s[n])
				n++;
			f.zero = false;
			put_padded(&out, s, n, f, false);
			break;
		}
		case 'c': {
			char c = (char)va_arg(ap, int);
			f.zero = false;
			put_padded(&out, &c, 1, f, false);
			break;
		}
		case '%':
			put(&out, '%');
			break;
		default:
			put(&out, '%');
			if (conv)
				put(&out, conv);
			break;
		}
	}
	va_end(ap);
	if (size)
		buf[out.len < size ? out.len : size - 1] = '\0';
	return out.len;
}
