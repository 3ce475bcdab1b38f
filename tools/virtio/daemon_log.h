/* The daemon's log: one line per event, with a timestamp and a level, to
 * stderr until log_setup names a file. A guest can cause log lines at will
 * (bad requests, bad descriptor chains), so those go through a log_limit. */
#ifndef DAEMON_LOG_H
#define DAEMON_LOG_H

#include <stdio.h>
#include <time.h>

enum log_level {
	LOG_LEVEL_ERROR,
	LOG_LEVEL_WARN,
	LOG_LEVEL_INFO,
	LOG_LEVEL_DEBUG,
};

/* Lines go to `out` (line-buffered), those above `level` are dropped. */
void log_setup(FILE *out, enum log_level level);

/* "error", "warn", "info" or "debug"; -1 for anything else. */
int log_level_parse(const char *name, enum log_level *level);

__attribute__((format(printf, 2, 3)))
void log_at(enum log_level level, const char *fmt, ...);

#define log_error(...) log_at(LOG_LEVEL_ERROR, __VA_ARGS__)
#define log_warn(...)  log_at(LOG_LEVEL_WARN, __VA_ARGS__)
#define log_info(...)  log_at(LOG_LEVEL_INFO, __VA_ARGS__)
#define log_debug(...) log_at(LOG_LEVEL_DEBUG, __VA_ARGS__)

/* One source of guest-triggered lines: at most LOG_LIMIT_PER_SECOND a
 * second; the next line let through says how many were dropped. */
#define LOG_LIMIT_PER_SECOND 5

struct log_limit {
	time_t second;
	unsigned sent;
	unsigned long suppressed;
};

__attribute__((format(printf, 3, 4)))
void log_limited(struct log_limit *limit, enum log_level level, const char *fmt, ...);

#endif
