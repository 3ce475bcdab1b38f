/* The CLI over a kernel module that is not tessera's: hvisor-tool's answers
 * TESSERA_ZONE_CONFIG with EINVAL. The CLI says so once, stops asking, and
 * reports ENOTTY, which names the module rather than the hypervisor. ioctl
 * is this test's own. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <tessera/hvisor_ioctl.h>
#include <unistd.h>

#include "hvisor_device.h"

static int module_answer;
static unsigned zone_config_requests;

int ioctl(int fd, unsigned long request, ...)
{
	(void)fd;
	if (request != TESSERA_ZONE_CONFIG)
		return -1;
	zone_config_requests++;
	errno = module_answer;
	return module_answer ? -1 : 0;
}

static char stderr_text[1024];

/* Runs `request` twice with stderr captured into stderr_text. */
static void twice_capturing_stderr(int results[2])
{
	static struct zone_config config;
	FILE *capture = tmpfile();
	int saved = dup(STDERR_FILENO);

	assert_non_null(capture);
	fflush(stderr);
	dup2(fileno(capture), STDERR_FILENO);
	results[0] = hvisor_zone_config(3, 0, &config);
	results[1] = hvisor_zone_config(3, 1, &config);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	rewind(capture);
	size_t n = fread(stderr_text, 1, sizeof(stderr_text) - 1, capture);
	stderr_text[n] = '\0';
	fclose(capture);
}

/* First, while the module is still taken for tessera's. */
static void tessera_modules_answers_pass_through(void **state)
{
	int results[2];

	(void)state;
	module_answer = ENOENT;
	twice_capturing_stderr(results);
	assert_int_equal(results[0], ENOENT);
	assert_int_equal(results[1], ENOENT);
	assert_int_equal(zone_config_requests, 2);
	assert_string_equal(stderr_text, "");
}

static void a_foreign_module_is_said_once_and_not_asked_again(void **state)
{
	int results[2];

	(void)state;
	module_answer = EINVAL;
	zone_config_requests = 0;
	twice_capturing_stderr(results);
	assert_int_equal(results[0], ENOTTY);
	assert_int_equal(results[1], ENOTTY);
	assert_int_equal(zone_config_requests, 1);
	const char *notice = strstr(stderr_text, "the kernel module behind /dev/hvisor is not "
						 "tessera's");
	assert_non_null(notice);
	assert_null(strstr(notice + 1, "the kernel module behind"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tessera_modules_answers_pass_through),
		cmocka_unit_test(a_foreign_module_is_said_once_and_not_asked_again),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
