#include <stdarg.h>

#include "check.h"
#include "guest_name.h"
#include "print.h"

static unsigned passed, failed;

void check_pass(const char *what)
{
	passed++;
	print("%s: PASS %s\n", guest_name, what);
}

void check_fail(const char *what, const char *detail_fmt, ...)
{
	va_list args;

	failed++;
	print("%s: FAIL %s (", guest_name, what);
	va_start(args, detail_fmt);
	vprint(detail_fmt, args);
	va_end(args);
	print(")\n");
}

void check_summary(void)
{
	print("%s: %u passed, %u failed\n", guest_name, passed, failed);
}
