#include "daemon_log.h"

#include <stdarg.h>
#include <string.h>

static FILE *log_out;
static enum log_level log_max = LOG_LEVEL_WARN;

static const char *const level_names[] = { "error", "warn", "info", "debug" };

void log_setup(FILE *out, enum log_level level)
{
	setvbuf(out, NULL, _IOLBF, 0);
	log_out = out;
	log_max = level;
}

int log_level_parse(const char *name, enum log_level *level)
{
	for (unsigned i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++) {
		if (strcmp(name, level_names[i]) == 0) {
			*level = (enum log_level)i;
			return 0;
		}
	}
	return -1;
}

static void vlog(enum log_level level, const char *prefix, const char *fmt, va_list args)
{
	FILE *out = log_out ? log_out : stderr;
	struct timespec now;
	struct tm local;
	char stamp[32];

	clock_gettime(CLOCK_REALTIME, &now);
	localtime_r(&now.tv_sec, &local);
	strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S", &local);
	fprintf(out, "%s.%03ld %-5s %s", stamp, now.tv_nsec / 1000000, level_names[level], prefix);
	vfprintf(out, fmt, args);
	fputc('\n', out);
}

void log_at(enum log_level level, const char *fmt, ...)
{
	va_list args;

	if (level > log_max)
		return;
	va_start(args, fmt);
	vlog(level, "", fmt, args);
	va_end(args);
}

void log_limited(struct log_limit *limit, enum log_level level, const char *fmt, ...)
{
	struct timespec now;
	char prefix[64] = "";
	va_list args;

	if (level > log_max)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec != limit->second) {
		limit->second = now.tv_sec;
		limit->sent = 0;
	}
	if (limit->sent == LOG_LIMIT_PER_SECOND) {
		limit->suppressed++;
		return;
	}
	limit->sent++;
	if (limit->suppressed) {
		snprintf(prefix, sizeof(prefix), "(%lu like it suppressed) ", limit->suppressed);
		limit->suppressed = 0;
	}
	va_start(args, fmt);
	vlog(level, prefix, fmt, args);
	va_end(args);
}
