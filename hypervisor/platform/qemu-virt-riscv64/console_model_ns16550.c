/* Enough of a 16550A (one-byte registers, as QEMU virt's, reg-shift 0) for
 * Linux's 8250 driver, its console and earlycon=uart8250: the transmitter is
 * always empty, so a polling writer never waits; nothing is received.
 * Control registers keep what the guest writes. No interrupt line is ever
 * raised, yet IIR identifies the transmitter-empty interrupt as a 16550's
 * does: the 8250 driver of a port without an interrupt polls IIR from a
 * timer and sends the rest of a write longer than the FIFO only when IIR
 * names that interrupt; without it a zone's output stopped for good after
 * its first 16 bytes of a write. */
#include <stddef.h>

#include "debug_console.h"

#define RBR_THR_DLL 0
#define IER_DLM     1
#define IIR_FCR     2
#define LCR         3
#define MCR         4
#define LSR         5
#define MSR         6
#define SCR         7

#define LCR_DLAB        0x80
#define IIR_NO_INTERRUPT 0x01
#define IIR_THR_EMPTY   0x02
#define IER_THR_EMPTY   0x02
#define IIR_FIFOS_ON    0xc0
#define FCR_FIFO_ENABLE 0x01
#define LSR_THRE_TEMT   0x60
/* Carrier, data set ready and clear to send: a cable is attached. */
#define MSR_LINES_UP    0xb0

/* THRE_PENDING is no register: the transmitter-empty interrupt, raised
 * when the transmitter empties (at once, after each THR write) or is
 * enabled in IER, and cleared by the IIR read that reports it. */
enum { REG_IER, REG_FCR, REG_LCR, REG_MCR, REG_SCR, REG_DLL, REG_DLM, THRE_PENDING };
_Static_assert(THRE_PENDING < DEBUG_CONSOLE_REGISTERS, "the console keeps the model's state");

static bool divisor_latched(const struct debug_console *u)
{
	return u->registers[REG_LCR] & LCR_DLAB;
}

static uint32_t *control_register(struct debug_console *u, uint64_t offset, bool is_write)
{
	switch (offset) {
	case RBR_THR_DLL:
		return divisor_latched(u) ? &u->registers[REG_DLL] : NULL;
	case IER_DLM:
		return &u->registers[divisor_latched(u) ? REG_DLM : REG_IER];
	case IIR_FCR:
		return is_write ? &u->registers[REG_FCR] : NULL;
	case LCR:
		return &u->registers[REG_LCR];
	case MCR:
		return &u->registers[REG_MCR];
	case SCR:
		return &u->registers[REG_SCR];
	default:
		return NULL;
	}
}

static uint32_t read_interrupt_identification(struct debug_console *u)
{
	uint32_t fifos = u->registers[REG_FCR] & FCR_FIFO_ENABLE ? IIR_FIFOS_ON : 0;

	if (!(u->registers[REG_IER] & IER_THR_EMPTY) || !u->registers[THRE_PENDING])
		return fifos | IIR_NO_INTERRUPT;
	u->registers[THRE_PENDING] = 0;
	return fifos | IIR_THR_EMPTY;
}

static uint32_t read_status(struct debug_console *u, uint64_t offset)
{
	switch (offset) {
	case IIR_FCR:
		return read_interrupt_identification(u);
	case LSR:
		return LSR_THRE_TEMT;
	case MSR:
		return MSR_LINES_UP;
	default:
		return 0;
	}
}

static bool ns16550_access(struct debug_console *u, const struct zone *zone,
			   struct mmio_access *a, uint64_t offset)
{
	if (a->size != 1 || offset > SCR)
		return false;
	uint32_t *reg = control_register(u, offset, a->is_write);
	if (!a->is_write) {
		a->value = reg ? *reg : read_status(u, offset);
		return true;
	}
	if (reg)
		*reg = (uint8_t)a->value;
	else if (offset == RBR_THR_DLL)
		debug_console_transmit(u, zone, (char)a->value);
	bool thr_written = !reg && offset == RBR_THR_DLL;
	if (thr_written || reg == &u->registers[REG_IER])
		u->registers[THRE_PENDING] = 1;
	return true;
}

static void ns16550_reset(struct debug_console *u)
{
	(void)u;
}

const struct console_model board_console_model = {
	.name = "16550A",
	.access = ns16550_access,
	.reset = ns16550_reset,
};
