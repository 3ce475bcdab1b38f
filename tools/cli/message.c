#include "message.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void message_set(struct message *m, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(m->text, sizeof(m->text), fmt, args);
	va_end(args);
}

void message_prefix(struct message *m, const char *fmt, ...)
{
	char prefix[256];
	char rest[sizeof(m->text)];
	va_list args;

	va_start(args, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, args);
	va_end(args);
	memcpy(rest, m->text, sizeof(rest));
	snprintf(m->text, sizeof(m->text), "%.255s: %.509s", prefix, rest);
}

void message_print(const struct message *m)
{
	fprintf(stderr, "%s\n", m->text);
}
