/* One line per check, and the totals at the end. */
#ifndef BAREMETAL_CHECK_H
#define BAREMETAL_CHECK_H

void check_pass(const char *what);
void check_fail(const char *what, const char *detail_fmt, ...)
	__attribute__((format(printf, 2, 3)));
void check_summary(void);

#endif
