/* The hypervisor's own console, provided by the platform. */
#ifndef CONSOLE_H
#define CONSOLE_H

void console_write(const char *text, unsigned long len);

#endif
