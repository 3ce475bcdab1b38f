/* Linked into the static riscv64 CLI only. Its libjansson.a comes from
 * Debian 13, whose glibc 2.41 headers redirect strtoll to the C23 entry
 * point __isoc23_strtoll; the cross glibc of Debian 12 (2.36) it links
 * against predates it. C23 only adds "0b" prefixes for base 0 and 2:
 * jansson parses base 10, where both are the same function. */
#include <stdlib.h>

long long __isoc23_strtoll(const char *s, char **end, int base);

long long __isoc23_strtoll(const char *s, char **end, int base)
{
	return strtoll(s, end, base);
}
