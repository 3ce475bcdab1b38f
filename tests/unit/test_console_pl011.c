/* The hypervisor's UART console never waits without a bound. The PL011's
 * registers are a page of host memory mapped at the UART's physical address
 * (0x09000000), so the driver runs unchanged; arch_time_ns is a fake clock
 * that advances on every read. */
#define _DEFAULT_SOURCE
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <cmocka.h>

#include "arch.h"
#include "console.h"

#define PL011_BASE  0x09000000UL
#define UARTDR      0x00
#define UARTFR      0x18
#define UARTFR_TXFF (1u << 5)
#define CLOCK_STEP_NS 1000

static volatile uint32_t *uart;
static uint64_t clock_ns;
static unsigned clock_reads;

uint64_t arch_time_ns(void)
{
	clock_reads++;
	return clock_ns += CLOCK_STEP_NS;
}

static void hung(int sig)
{
	static const char msg[] = "console_write did not return: it waits without a bound\n";

	(void)sig;
	(void)!write(2, msg, sizeof(msg) - 1);
	_exit(1);
}

static int map_uart(void **state)
{
	void *page = mmap((void *)PL011_BASE, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

	(void)state;
	if (page != (void *)PL011_BASE)
		return -1;
	uart = page;
	signal(SIGALRM, hung);
	return 0;
}

static void set_tx_full(bool full)
{
	uart[UARTFR / 4] = full ? UARTFR_TXFF : 0;
}

/* The first test stalls the console; the tests run in order. */
static void a_full_uart_costs_a_bounded_wait(void **state)
{
	char line[100];

	(void)state;
	memset(line, 'x', sizeof(line));
	set_tx_full(true);
	clock_reads = 0;
	alarm(5);
	console_write(line, sizeof(line));
	alarm(0);
	/* One wait of a few milliseconds at most, not one per character. */
	assert_in_range(clock_reads, 1, 10000);
}

static void a_stalled_uart_drops_without_waiting(void **state)
{
	(void)state;
	set_tx_full(true);
	clock_reads = 0;
	alarm(5);
	console_write("more\n", 5);
	alarm(0);
	assert_int_equal(clock_reads, 0);
}

static void a_uart_with_room_prints_again(void **state)
{
	(void)state;
	set_tx_full(false);
	uart[UARTDR / 4] = 0;
	console_write("ok", 2);
	assert_int_equal(uart[UARTDR / 4], 'k');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_full_uart_costs_a_bounded_wait),
		cmocka_unit_test(a_stalled_uart_drops_without_waiting),
		cmocka_unit_test(a_uart_with_room_prints_again),
	};

	return cmocka_run_group_tests(tests, map_uart, NULL);
}
