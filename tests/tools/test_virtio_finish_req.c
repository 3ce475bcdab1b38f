/* HVISOR_FINISH_REQ as the daemon sees it: hvisor's module hands the
 * hypercall's result to user space as it is, so any non-negative result is
 * success, and only a failed ioctl is logged. ioctl is this test's own. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <tessera/hvisor_ioctl.h>

#include "daemon_log.h"
#include "hvisor_virtio.h"

static int finish_req_result;
static unsigned finish_req_calls;

int ioctl(int fd, unsigned long request, ...)
{
	(void)fd;
	if (request != HVISOR_FINISH_REQ)
		return -1;
	finish_req_calls++;
	/* What a positive result leaves in errno: whatever was there. */
	errno = finish_req_result < 0 ? -finish_req_result : ENOENT;
	return finish_req_result < 0 ? -1 : finish_req_result;
}

static FILE *log_file;

static int set_up(void **state)
{
	(void)state;
	log_file = tmpfile();
	assert_non_null(log_file);
	log_setup(log_file, LOG_LEVEL_DEBUG);
	finish_req_calls = 0;
	return 0;
}

static int tear_down(void **state)
{
	(void)state;
	log_setup(stderr, LOG_LEVEL_WARN);
	fclose(log_file);
	return 0;
}

static long logged_bytes(void)
{
	fflush(log_file);
	return ftell(log_file);
}

static void flush_with_result(int result)
{
	struct hvisor_virtio hv = { .irqs_pending = true, .fd = 3 };

	finish_req_result = result;
	hvisor_virtio_flush_irqs(&hv);
	assert_int_equal(finish_req_calls, 1);
	assert_false(hv.irqs_pending);
}

static void a_positive_count_is_success(void **state)
{
	(void)state;
	flush_with_result(5);
	assert_int_equal(logged_bytes(), 0);
}

static void zero_is_success(void **state)
{
	(void)state;
	flush_with_result(0);
	assert_int_equal(logged_bytes(), 0);
}

static void a_failure_is_logged(void **state)
{
	char line[256] = "";

	(void)state;
	flush_with_result(-ENODEV);
	rewind(log_file);
	assert_non_null(fgets(line, sizeof(line), log_file));
	assert_non_null(strstr(line, "HVISOR_FINISH_REQ: No such device"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_positive_count_is_success, set_up, tear_down),
		cmocka_unit_test_setup_teardown(zero_is_success, set_up, tear_down),
		cmocka_unit_test_setup_teardown(a_failure_is_logged, set_up, tear_down),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
