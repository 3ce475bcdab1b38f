/* The hypervisor's logger (core/log.c) writing to a captured console: lines a
 * guest causes are rate limited per zone. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "console.h"
#include "log.h"
#include "zone.h"

static char console[16384];
static size_t console_len;
static uint64_t now_ns;

void console_write(const char *text, unsigned long len)
{
	assert_true(console_len + len < sizeof(console));
	memcpy(console + console_len, text, len);
	console_len += len;
	console[console_len] = '\0';
}

uint64_t arch_time_ns(void)
{
	return now_ns;
}

unsigned arch_cpu_id(void)
{
	return 2;
}

noreturn void arch_cpu_halt(void)
{
	abort();
}

static struct zone zones[2];

static struct zone *zone_with_id(unsigned index, uint32_t id)
{
	struct zone *zone = &zones[index];

	memset(zone, 0, sizeof(*zone));
	zone->id = id;
	zone->log_limit = (struct rate_limit)GUEST_LOG_LIMIT_INIT;
	return zone;
}

static int setup(void **state)
{
	(void)state;
	console_len = 0;
	console[0] = '\0';
	now_ns = 5 * GUEST_LOG_WINDOW_NS;
	return 0;
}

static unsigned occurrences(const char *text)
{
	unsigned n = 0;

	for (const char *p = strstr(console, text); p; p = strstr(p + 1, text))
		n++;
	return n;
}

static void log_many(struct zone *zone, unsigned lines)
{
	for (unsigned i = 0; i < lines; i++)
		log_guest_warn(zone, "zone %u: line %u", zone->id, i);
}

static void a_zone_over_its_limit_holds_back_only_its_own_lines(void **state)
{
	struct zone *flooding = zone_with_id(0, 1), *quiet = zone_with_id(1, 2);

	(void)state;
	log_many(flooding, GUEST_LOG_BURST + 5);
	log_guest(quiet, LOG_INFO, "zone %u: a line of its own", quiet->id);

	assert_int_equal(occurrences("zone 1: line"), GUEST_LOG_BURST);
	assert_int_equal(occurrences("[tessera cpu2 INFO] zone 2: a line of its own\n"), 1);
	assert_int_equal(occurrences("suppressed"), 0);

	/* The flooding zone's next window starts with the count of its own. */
	now_ns += GUEST_LOG_WINDOW_NS;
	log_many(quiet, 1);
	log_many(flooding, 1);
	assert_int_equal(occurrences("suppressed"), 1);
	assert_non_null(strstr(console, "[tessera cpu2 WARN] zone 1: 5 of its lines suppressed "
					"(over 10 per second)\n[tessera cpu2 WARN] zone 1: line 0\n"));
}

static void lines_not_caused_by_guests_are_never_held_back(void **state)
{
	struct zone *flooding = zone_with_id(0, 1);

	(void)state;
	log_many(flooding, GUEST_LOG_BURST + 1);
	log_info("zone %u (%s) created", 3u, "zone3");
	assert_int_equal(occurrences("zone 3 (zone3) created"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(a_zone_over_its_limit_holds_back_only_its_own_lines, setup),
		cmocka_unit_test_setup(lines_not_caused_by_guests_are_never_held_back, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
