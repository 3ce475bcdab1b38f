/* Enough of a PL011 for Linux's amba-pl011 driver and earlycon: the
 * transmit FIFO never fills, so the driver writes without waiting for a
 * transmit interrupt, and no interrupt is ever raised; nothing is received.
 * Control and mask registers keep what the guest writes. */
#include "debug_console.h"
#include "util.h"

#define UARTDR      0x000
#define UARTFR      0x018
#define UARTIBRD    0x024
#define UARTFBRD    0x028
#define UARTLCR_H   0x02c
#define UARTCR      0x030
#define UARTIFLS    0x034
#define UARTIMSC    0x038
#define UARTDMACR   0x048
#define UARTID      0xfe0   /* PeriphID0-3, then PCellID0-3 */

#define FR_RXFE     (1u << 4)
#define FR_TXFE     (1u << 7)
#define CR_TXE_RXE  0x300

enum { IBRD, FBRD, LCR_H, CR, IFLS, IMSC, DMACR };

/* A PL011 r1p3, as QEMU's own: the driver picks its FIFO size by revision. */
static const uint8_t id_registers[8] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

static uint32_t *control_register(struct debug_console *u, uint64_t offset)
{
	switch (offset) {
	case UARTIBRD:
		return &u->registers[IBRD];
	case UARTFBRD:
		return &u->registers[FBRD];
	case UARTLCR_H:
		return &u->registers[LCR_H];
	case UARTCR:
		return &u->registers[CR];
	case UARTIFLS:
		return &u->registers[IFLS];
	case UARTIMSC:
		return &u->registers[IMSC];
	case UARTDMACR:
		return &u->registers[DMACR];
	default:
		return NULL;
	}
}

static uint32_t read_register(struct debug_console *u, uint64_t offset)
{
	uint32_t *reg = control_register(u, offset);

	if (reg)
		return *reg;
	if (offset == UARTFR)
		return FR_TXFE | FR_RXFE;
	if (offset >= UARTID && offset < UARTID + 4 * sizeof(id_registers))
		return offset % 4 ? 0 : id_registers[(offset - UARTID) / 4];
	return 0;
}

static bool pl011_access(struct debug_console *u, const struct zone *zone,
			 struct mmio_access *a, uint64_t offset)
{
	if (a->size > 4)
		return false;
	if (!a->is_write) {
		a->value = read_register(u, offset);
	} else if (offset == UARTDR) {
		debug_console_transmit(u, zone, (char)a->value);
	} else {
		uint32_t *reg = control_register(u, offset);
		if (reg)
			*reg = (uint32_t)a->value;
	}
	return true;
}

static void pl011_reset(struct debug_console *u)
{
	u->registers[CR] = CR_TXE_RXE;
}

const struct console_model board_console_model = {
	.name = "PL011",
	.access = pl011_access,
	.reset = pl011_reset,
};
