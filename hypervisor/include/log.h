/* The hypervisor's console logger: one line per message, prefixed with the
 * level and the number of the CPU that printed it. */
#ifndef LOG_H
#define LOG_H

#include <stdarg.h>
#include <stdnoreturn.h>

enum log_level {
	LOG_ERROR,
	LOG_WARN,
	LOG_INFO,
	LOG_DEBUG,
};

void log_printf(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_error(...) log_printf(LOG_ERROR, __VA_ARGS__)
#define log_warn(...)  log_printf(LOG_WARN, __VA_ARGS__)
#define log_info(...)  log_printf(LOG_INFO, __VA_ARGS__)
#define log_debug(...) log_printf(LOG_DEBUG, __VA_ARGS__)

/* For every line a guest can cause: all guests share one rate limit, and the
 * first line of a new window says how many the limit held back. */
void log_guest(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_guest_warn(...) log_guest(LOG_WARN, __VA_ARGS__)

/* Prints without a prefix, for multi-line dumps that follow a log line. */
void log_raw(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* For broken hypervisor invariants only, never for anything a guest can cause. */
noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
