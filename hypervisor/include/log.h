/* The hypervisor's console logger: one line per message, prefixed with the
 * level and the number of the CPU that printed it. */
#ifndef LOG_H
#define LOG_H

#include <stdarg.h>
#include <stdnoreturn.h>

#include "rate_limit.h"

struct zone;

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

/* Ten lines of 256 characters take about 0.2 s of a 115200-baud UART: the
 * share of its time each zone can make the hypervisor print. */
#define GUEST_LOG_BURST     10
#define GUEST_LOG_WINDOW_NS 1000000000ULL
/* A zone's log_guest limit, from its creation. */
#define GUEST_LOG_LIMIT_INIT RATE_LIMIT_INIT(GUEST_LOG_BURST, GUEST_LOG_WINDOW_NS)

/* For every line a guest can cause, with the zone the line concerns: each
 * zone has its own rate limit, so a zone flooding the log holds back only its
 * own lines, and the first line of a new window says how many the limit held
 * back. Never under zones_lock: the UART may take milliseconds a line. */
void log_guest(struct zone *zone, enum log_level level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define log_guest_warn(zone, ...) log_guest((zone), LOG_WARN, __VA_ARGS__)
#define log_guest_info(zone, ...) log_guest((zone), LOG_INFO, __VA_ARGS__)

/* Prints without a prefix, for multi-line dumps that follow a log line. */
void log_raw(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* For broken hypervisor invariants only, never for anything a guest can cause. */
noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
