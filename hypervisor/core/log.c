#include "log.h"

#include "arch.h"
#include "console.h"
#include "format.h"
#include "rate_limit.h"
#include "spinlock.h"
#include "zone.h"

#define LINE_MAX 256

static spinlock_t console_lock = SPINLOCK_INIT;

static const char *const level_names[] = {
	[LOG_ERROR] = "ERROR",
	[LOG_WARN] = "WARN",
	[LOG_INFO] = "INFO",
	[LOG_DEBUG] = "DEBUG",
};

static size_t format_prefix(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	size_t len;

	va_start(args, fmt);
	len = format_string(buf, size, fmt, args);
	va_end(args);
	return len < size ? len : size - 1;
}

/* Formats a whole line first and writes it under one lock, so that lines of
 * different CPUs never interleave. */
static void emit_line(char *line, size_t len, const char *fmt, va_list args)
{
	len += format_string(line + len, LINE_MAX - len, fmt, args);
	if (len > LINE_MAX - 2)
		len = LINE_MAX - 2;
	line[len++] = '\n';
	spin_lock(&console_lock);
	console_write(line, len);
	spin_unlock(&console_lock);
}

static void log_vprintf(enum log_level level, const char *fmt, va_list args)
{
	char line[LINE_MAX];
	size_t len = format_prefix(line, sizeof(line), "[tessera cpu%u %s] ", arch_cpu_id(),
				   level_names[level]);

	emit_line(line, len, fmt, args);
}

void log_printf(enum log_level level, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	log_vprintf(level, fmt, args);
	va_end(args);
}

void log_guest(struct zone *zone, enum log_level level, const char *fmt, ...)
{
	va_list args;
	unsigned suppressed;
	bool allowed = rate_limit_take(&zone->log_limit, arch_time_ns(), &suppressed);

	if (suppressed)
		log_printf(LOG_WARN, "zone %u: %u of its lines suppressed (over %u per second)",
			   zone->id, suppressed, GUEST_LOG_BURST);
	if (!allowed)
		return;
	va_start(args, fmt);
	log_vprintf(level, fmt, args);
	va_end(args);
}

void log_raw(const char *fmt, ...)
{
	char line[LINE_MAX];
	va_list args;

	va_start(args, fmt);
	emit_line(line, 0, fmt, args);
	va_end(args);
}

noreturn void panic(const char *fmt, ...)
{
	char line[LINE_MAX];
	va_list args;
	size_t len = format_prefix(line, sizeof(line), "[tessera cpu%u PANIC] ", arch_cpu_id());

	va_start(args, fmt);
	emit_line(line, len, fmt, args);
	va_end(args);
	arch_cpu_halt();
}
