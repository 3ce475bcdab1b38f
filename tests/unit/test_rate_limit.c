/* The fixed-window rate limit each zone has for the log lines it causes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rate_limit.h"

#define BURST     3
#define WINDOW_NS 1000

static unsigned take_many(struct rate_limit *limit, uint64_t now, unsigned n, unsigned *reported)
{
	unsigned allowed = 0, suppressed;

	*reported = 0;
	for (unsigned i = 0; i < n; i++) {
		allowed += rate_limit_take(limit, now, &suppressed);
		*reported += suppressed;
	}
	return allowed;
}

static void a_burst_passes_and_the_rest_is_counted(void **state)
{
	struct rate_limit limit = RATE_LIMIT_INIT(BURST, WINDOW_NS);
	unsigned reported;

	(void)state;
	assert_int_equal(take_many(&limit, 5, 50, &reported), BURST);
	assert_int_equal(reported, 0);
}

static void the_next_window_reports_what_was_held_back_once(void **state)
{
	struct rate_limit limit = RATE_LIMIT_INIT(BURST, WINDOW_NS);
	unsigned reported, suppressed;

	(void)state;
	take_many(&limit, 5, 50, &reported);
	assert_false(rate_limit_take(&limit, 5 + WINDOW_NS - 1, &suppressed));
	assert_int_equal(suppressed, 0);
	assert_true(rate_limit_take(&limit, 5 + WINDOW_NS, &suppressed));
	assert_int_equal(suppressed, 50 - BURST + 1);
	assert_true(rate_limit_take(&limit, 5 + WINDOW_NS, &suppressed));
	assert_int_equal(suppressed, 0);
}

static void a_quiet_window_reports_nothing(void **state)
{
	struct rate_limit limit = RATE_LIMIT_INIT(BURST, WINDOW_NS);
	unsigned reported, suppressed;

	(void)state;
	take_many(&limit, 0, BURST, &reported);
	assert_true(rate_limit_take(&limit, 10 * WINDOW_NS, &suppressed));
	assert_int_equal(suppressed, 0);
}

/* The clock starts at 0 at boot: the first window must open at once. */
static void the_first_event_at_time_zero_passes(void **state)
{
	struct rate_limit limit = RATE_LIMIT_INIT(BURST, WINDOW_NS);
	unsigned suppressed;

	(void)state;
	assert_true(rate_limit_take(&limit, 0, &suppressed));
	assert_int_equal(suppressed, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_burst_passes_and_the_rest_is_counted),
		cmocka_unit_test(the_next_window_reports_what_was_held_back_once),
		cmocka_unit_test(a_quiet_window_reports_nothing),
		cmocka_unit_test(the_first_event_at_time_zero_passes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
