/* riscv64's debug console registers (a 16550A): what Linux's 8250 driver
 * and earlycon read and write, against a recorded transmit. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "debug_console.h"

static char sent[64];
static unsigned sent_len;

void debug_console_transmit(struct debug_console *console, const struct zone *zone, char c)
{
	(void)console;
	(void)zone;
	sent[sent_len++] = c;
}

static struct debug_console console;

static int setup(void **state)
{
	(void)state;
	memset(&console, 0, sizeof(console));
	board_console_model.reset(&console);
	sent_len = 0;
	return 0;
}

static uint64_t read_reg(uint64_t offset)
{
	struct mmio_access a = { .addr = 0x10000000 + offset, .size = 1, .is_write = false };
	assert_true(board_console_model.access(&console, NULL, &a, offset));
	return a.value;
}

static void write_reg(uint64_t offset, uint64_t value)
{
	struct mmio_access a = { .addr = 0x10000000 + offset, .size = 1, .is_write = true,
				 .value = value };
	assert_true(board_console_model.access(&console, NULL, &a, offset));
}

static void transmits_what_thr_gets(void **state)
{
	(void)state;
	assert_int_equal(read_reg(5) & 0x60, 0x60);     /* LSR: THRE and TEMT */
	write_reg(0, 'o');
	write_reg(0, 'k');
	assert_int_equal(sent_len, 2);
	assert_memory_equal(sent, "ok", 2);
	assert_int_equal(read_reg(0), 0);               /* nothing received */
	assert_int_equal(read_reg(5) & 0x01, 0);        /* LSR: no data ready */
}

static void divisor_latch_hides_thr(void **state)
{
	(void)state;
	write_reg(3, 0x83);                             /* DLAB, 8 bits */
	write_reg(0, 0x0c);                             /* DLL */
	write_reg(1, 0x00);                             /* DLM */
	assert_int_equal(sent_len, 0);
	assert_int_equal(read_reg(0), 0x0c);
	write_reg(3, 0x03);
	assert_int_equal(read_reg(3), 0x03);
	assert_int_equal(read_reg(1), 0);               /* IER, not DLM */
	write_reg(1, 0x02);
	assert_int_equal(read_reg(1), 0x02);
	write_reg(3, 0x83);
	assert_int_equal(read_reg(0), 0x0c);            /* the divisor kept */
}

static void reports_fifos_and_no_interrupt(void **state)
{
	(void)state;
	assert_int_equal(read_reg(2), 0x01);
	write_reg(2, 0x07);                             /* FCR: FIFOs on, cleared */
	assert_int_equal(read_reg(2), 0xc1);
	write_reg(7, 0x5a);                             /* the scratch register test */
	assert_int_equal(read_reg(7), 0x5a);
	assert_int_equal(read_reg(6), 0xb0);
}

/* Linux's 8250 driver polls IIR when the port has no interrupt, and sends
 * the rest of a write only when IIR names the transmitter-empty interrupt. */
static void identifies_the_transmitter_empty_interrupt(void **state)
{
	(void)state;
	write_reg(2, 0x01);                             /* FCR: FIFOs on */
	assert_int_equal(read_reg(2), 0xc1);            /* IER 0: none */
	write_reg(1, 0x02);                             /* IER: transmitter empty */
	assert_int_equal(read_reg(2), 0xc2);
	assert_int_equal(read_reg(2), 0xc1);            /* the read cleared it */
	write_reg(0, 'a');                              /* sent, the THR empty again */
	write_reg(0, 'b');
	assert_int_equal(read_reg(2), 0xc2);
	assert_int_equal(read_reg(2), 0xc1);
	write_reg(1, 0x00);                             /* disabled */
	write_reg(0, 'c');
	assert_int_equal(read_reg(2), 0xc1);
	write_reg(1, 0x02);                             /* enabled again: raised */
	assert_int_equal(read_reg(2), 0xc2);
	assert_int_equal(read_reg(5) & 0x60, 0x60);
	assert_int_equal(sent_len, 3);
	assert_memory_equal(sent, "abc", 3);
}

static void the_divisor_latch_raises_nothing(void **state)
{
	(void)state;
	write_reg(1, 0x02);
	assert_int_equal(read_reg(2), 0x02);
	write_reg(3, 0x83);                             /* DLAB */
	write_reg(0, 0x0c);                             /* DLL, not THR */
	write_reg(1, 0x00);                             /* DLM, not IER */
	write_reg(3, 0x03);
	assert_int_equal(read_reg(1), 0x02);
	assert_int_equal(read_reg(2), 0x01);
	assert_int_equal(sent_len, 0);
}

static void refuses_wide_and_outside_accesses(void **state)
{
	(void)state;
	struct mmio_access a = { .addr = 0x10000000, .size = 4, .is_write = true, .value = 'x' };
	assert_false(board_console_model.access(&console, NULL, &a, 0));
	a = (struct mmio_access){ .addr = 0x10000008, .size = 1, .is_write = false };
	assert_false(board_console_model.access(&console, NULL, &a, 8));
	assert_int_equal(sent_len, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(transmits_what_thr_gets, setup),
		cmocka_unit_test_setup(divisor_latch_hides_thr, setup),
		cmocka_unit_test_setup(reports_fifos_and_no_interrupt, setup),
		cmocka_unit_test_setup(identifies_the_transmitter_empty_interrupt, setup),
		cmocka_unit_test_setup(the_divisor_latch_raises_nothing, setup),
		cmocka_unit_test_setup(refuses_wide_and_outside_accesses, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
