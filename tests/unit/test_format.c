/* printf-style formatting: conversions, flags, widths, length modifiers and
 * truncation, checked against literal expected strings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <string.h>

#include "format.h"

/* No format attribute on purpose: some cases use flags GCC would warn about
 * (e.g. '0' with %s) to check that they are ignored. */
static size_t fmt(char *buf, size_t size, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	size_t len = format_string(buf, size, format, args);
	va_end(args);
	return len;
}

/* Formats into a large buffer and checks both the text and the length. */
#define assert_formats(expected, ...)                                        \
	do {                                                                 \
		char buf_[128];                                              \
		memset(buf_, 'X', sizeof(buf_));                             \
		size_t len_ = fmt(buf_, sizeof(buf_), __VA_ARGS__);          \
		assert_string_equal(buf_, expected);                         \
		assert_int_equal(len_, strlen(expected));                    \
	} while (0)

static void plain_text_and_percent(void **state)
{
	(void)state;
	assert_formats("", "");
	assert_formats("hello, world", "hello, world");
	assert_formats("100%", "100%%");
	assert_formats("%%", "%%%%");
}

static void signed_decimal(void **state)
{
	(void)state;
	assert_formats("0", "%d", 0);
	assert_formats("42 -42", "%d %i", 42, -42);
	assert_formats("2147483647", "%d", INT_MAX);
	assert_formats("-2147483648", "%d", INT_MIN);
	assert_formats("-9223372036854775808", "%lld", LLONG_MIN);
	assert_formats("9223372036854775807", "%ld", LONG_MAX);
}

static void unsigned_and_hex(void **state)
{
	(void)state;
	assert_formats("4294967295", "%u", UINT_MAX);
	assert_formats("18446744073709551615", "%llu", ULLONG_MAX);
	assert_formats("deadbeef DEADBEEF", "%x %X", 0xdeadbeefu, 0xdeadbeefu);
	assert_formats("0", "%x", 0u);
	assert_formats("fedcba9876543210", "%lx", 0xfedcba9876543210UL);
	assert_formats("FFFFFFFFFFFFFFFF", "%llX", ~0ULL);
}

static void mixed_arguments_are_consumed_in_order(void **state)
{
	(void)state;
	/* Each conversion takes exactly its own argument's size off the list. */
	assert_formats("-1 4294967296 x 12 y ffffffffff",
		       "%d %lld %s %zu %c %llx", -1, 4294967296LL, "x", (size_t)12, 'y',
		       0xffffffffffULL);
}

static void size_t_modifier(void **state)
{
	(void)state;
	assert_formats("18446744073709551615", "%zu", SIZE_MAX);
	assert_formats("1000", "%zx", (size_t)0x1000);
	assert_formats("7", "%zd", (size_t)7);
}

static void pointers(void **state)
{
	(void)state;
	assert_formats("0x0", "%p", (void *)0);
	assert_formats("0x40001000", "%p", (void *)(uintptr_t)0x40001000);
}

static void strings_and_chars(void **state)
{
	(void)state;
	assert_formats("abc", "%s", "abc");
	assert_formats("", "%s", "");
	assert_formats("(null)", "%s", (const char *)NULL);
	assert_formats("a-z", "%c-%c", 'a', 'z');
}

static void field_width_pads_with_spaces(void **state)
{
	(void)state;
	assert_formats("   42", "%5d", 42);
	assert_formats("  -42", "%5d", -42);
	assert_formats("   ab", "%5s", "ab");
	assert_formats("    x", "%5c", 'x');
	/* A width smaller than the text does not truncate. */
	assert_formats("123456", "%3d", 123456);
}

static void zero_flag_pads_numbers_after_the_sign(void **state)
{
	(void)state;
	assert_formats("00042", "%05d", 42);
	assert_formats("-0042", "%05d", -42);
	assert_formats("000000ff", "%08x", 0xffu);
	/* '0' does not apply to strings and characters. */
	assert_formats("   ab", "%05s", "ab");
	assert_formats("    c", "%05c", 'c');
}

static void minus_flag_left_justifies(void **state)
{
	(void)state;
	assert_formats("42   |", "%-5d|", 42);
	assert_formats("-42  |", "%-5d|", -42);
	assert_formats("ab   |", "%-5s|", "ab");
	/* '-' wins over '0', in either order. */
	assert_formats("7    |", "%-05d|", 7);
	assert_formats("7    |", "%0-5d|", 7);
}

static void unknown_conversions_are_printed(void **state)
{
	(void)state;
	assert_formats("%q", "%q");
	assert_formats("50%", "50%");
	/* The argument of an unknown conversion is not consumed. */
	assert_formats("%y 5", "%y %d", 5);
}

static void truncates_and_returns_the_full_length(void **state)
{
	char buf[8];

	(void)state;
	memset(buf, 'X', sizeof(buf));
	assert_int_equal(fmt(buf, sizeof(buf), "value=%d", 123456), 12);
	assert_string_equal(buf, "value=1");

	memset(buf, 'X', sizeof(buf));
	assert_int_equal(fmt(buf, 1, "abc"), 3);
	assert_int_equal(buf[0], '\0');
	assert_int_equal(buf[1], 'X');

	/* Exactly fitting: the terminator takes the last byte. */
	memset(buf, 'X', sizeof(buf));
	assert_int_equal(fmt(buf, 8, "%s", "1234567"), 7);
	assert_string_equal(buf, "1234567");

	/* Size 0 writes nothing at all; the buffer may even be NULL. */
	memset(buf, 'X', sizeof(buf));
	assert_int_equal(fmt(buf, 0, "abc%d", 1), 4);
	assert_int_equal(buf[0], 'X');
	assert_int_equal(fmt(NULL, 0, "%s", "abc"), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_text_and_percent),
		cmocka_unit_test(signed_decimal),
		cmocka_unit_test(unsigned_and_hex),
		cmocka_unit_test(mixed_arguments_are_consumed_in_order),
		cmocka_unit_test(size_t_modifier),
		cmocka_unit_test(pointers),
		cmocka_unit_test(strings_and_chars),
		cmocka_unit_test(field_width_pads_with_spaces),
		cmocka_unit_test(zero_flag_pads_numbers_after_the_sign),
		cmocka_unit_test(minus_flag_left_justifies),
		cmocka_unit_test(unknown_conversions_are_printed),
		cmocka_unit_test(truncates_and_returns_the_full_length),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
