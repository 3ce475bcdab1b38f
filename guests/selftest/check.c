#include <stdarg.h>

#include "check.h"
#include "print.h"

static unsigned passed, failed;

void check_pass(const char *what)
{
	passed++;
	print("selftest: PASS %s\n", what);
}

void check_fail(const char *what, const char *detail_fmt, ...)
{
	va_list args;

	failed++;
	print("selftest: FAIL %s (", what);
	va_start(args, detail_fmt);
	vprint(detail_fmt, args);
	va_end(args);
	print(")\n");
}

void check_summary(void)
{
	print("selftest: %u passed, %u failed\n", passed, failed);
}
