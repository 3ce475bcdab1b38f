/* Left to itself, jansson seeds its hash tables by reading /dev/urandom at
 * the first JSON object. Early after zone0 boots, Linux makes that read wait
 * until its entropy pool is ready: about a second under emulation, on the
 * first tessera command of every boot. getrandom without blocking gives the
 * seed once the pool is ready; before that the clock and pid do, as in
 * jansson's own fallback. The seed only spreads hash buckets. */
#include "json_seed.h"

#include <jansson.h>
#include <stdint.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

void json_seed_without_waiting(void)
{
	uint64_t seed = 0;

	if (getrandom(&seed, sizeof(seed), GRND_NONBLOCK) != (ssize_t)sizeof(seed)) {
		struct timespec now;

		clock_gettime(CLOCK_MONOTONIC, &now);
		seed = (uint64_t)now.tv_nsec ^ (uint64_t)now.tv_sec << 30 ^ (uint64_t)getpid() << 44;
	}
	/* 0 would ask jansson to seed itself. */
	json_object_seed((size_t)(seed | 1));
}
