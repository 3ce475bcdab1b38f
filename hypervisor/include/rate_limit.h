/* A fixed-window rate limit: at most `burst` events per window, the rest
 * counted, so that what a guest can cause stays bounded. */
#ifndef RATE_LIMIT_H
#define RATE_LIMIT_H

#include <stdbool.h>
#include <stdint.h>

#include "spinlock.h"

struct rate_limit {
	spinlock_t lock;
	uint64_t window_ns;
	unsigned burst;
	uint64_t window_start_ns;
	unsigned taken;
	unsigned suppressed;
};

#define RATE_LIMIT_INIT(burst_, window_ns_) \
	{ .lock = SPINLOCK_INIT, .window_ns = (window_ns_), .burst = (burst_) }

/* Whether one more event fits at `now_ns`. When this call opens a new window,
 * *suppressed receives how many events the windows before it refused (so
 * the caller can report them once); otherwise 0. */
bool rate_limit_take(struct rate_limit *limit, uint64_t now_ns, unsigned *suppressed);

#endif
