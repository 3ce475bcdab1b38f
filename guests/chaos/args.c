#include "args.h"

/* Only the first line counts, and only this much of it: the rest of the
 * page is whatever the file's load left there. */
#define ARGS_MAX 64

uint64_t args_value(const volatile char *args, const char *key, uint64_t fallback)
{
	for (unsigned i = 0; i < ARGS_MAX && args[i] && args[i] != '\n'; i++) {
		unsigned k = 0;
		while (key[k] && args[i + k] == key[k])
			k++;
		if (key[k] || args[i + k] != '=')
			continue;
		uint64_t value = 0;
		unsigned d = i + k + 1;
		if (args[d] < '0' || args[d] > '9')
			return fallback;
		for (; args[d] >= '0' && args[d] <= '9'; d++)
			value = value * 10 + (uint64_t)(args[d] - '0');
		return value;
	}
	return fallback;
}
