/* printf-style formatting into a buffer (no floating point). */
#ifndef FORMAT_H
#define FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* Always NUL-terminates when size > 0; returns the length that would have been
 * written with unlimited space, like vsnprintf. */
size_t format_string(char *buf, size_t size, const char *fmt, va_list args);

#endif
