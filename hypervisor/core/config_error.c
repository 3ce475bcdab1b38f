#include <stdarg.h>

#include "config_check.h"
#include "format.h"

void config_error_format(struct config_error *e, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	format_string(e->message, sizeof(e->message), fmt, args);
	va_end(args);
}
