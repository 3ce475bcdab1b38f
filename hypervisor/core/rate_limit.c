#include "rate_limit.h"

bool rate_limit_take(struct rate_limit *limit, uint64_t now_ns, unsigned *suppressed)
{
	bool allowed;

	*suppressed = 0;
	spin_lock(&limit->lock);
	if (limit->taken == 0 || now_ns - limit->window_start_ns >= limit->window_ns) {
		*suppressed = limit->suppressed;
		limit->window_start_ns = now_ns;
		limit->taken = 0;
		limit->suppressed = 0;
	}
	allowed = limit->taken < limit->burst;
	if (allowed)
		limit->taken++;
	else
		limit->suppressed++;
	spin_unlock(&limit->lock);
	return allowed;
}
