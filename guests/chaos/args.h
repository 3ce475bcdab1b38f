/* The chaos guests' arguments: a line such as "seed=7 ops=20000" that
 * zone0 writes to a file its zone config loads into the zone's RAM. */
#ifndef CHAOS_ARGS_H
#define CHAOS_ARGS_H

#include <stdint.h>

/* The number after `key=` in the args text, or `fallback`. */
uint64_t args_value(const volatile char *args, const char *key, uint64_t fallback);

#endif
