/* Enough of a PL011 for Linux's amba-pl011 driver and earlycon: the
 * transmit FIFO never fills, so the driver writes without waiting for a
 * transmit interrupt, and no interrupt is ever raised; nothing is received.
 * Control and mask registers keep what the guest writes. */
#include "vpl011.h"

#include "arch.h"
#include "log.h"
#include "mmio.h"
#include "util.h"
#include "zone.h"

#define UARTDR      0x000
#define UARTRSR     0x004
#define UARTFR      0x018
#define UARTIBRD    0x024
#define UARTFBRD    0x028
#define UARTLCR_H   0x02c
#define UARTCR      0x030
#define UARTIFLS    0x034
#define UARTIMSC    0x038
#define UARTRIS     0x03c
#define UARTMIS     0x040
#define UARTICR     0x044
#define UARTDMACR   0x048
#define UARTID      0xfe0   /* PeriphID0-3, then PCellID0-3 */

#define FR_RXFE     (1u << 4)
#define FR_TXFE     (1u << 7)

#define RATE_WINDOW_NS      1000000000ULL
#define RATE_BYTES_PER_WINDOW 16384

/* A PL011 r1p3, as QEMU's own: the driver picks its FIFO size by revision. */
static const uint8_t id_registers[8] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

/* Called with the console lock held. Returns whether the window still has
 * room for one more byte, and reports what an earlier window dropped. */
static int take_rate_budget(struct vpl011 *u, const struct zone *zone)
{
	uint64_t now = arch_time_ns();

	if (now - u->window_start_ns >= RATE_WINDOW_NS) {
		if (u->bytes_dropped)
			log_warn("zone %u (%s): %u console bytes dropped (over %u bytes/s)", zone->id,
				 zone->name, u->bytes_dropped, RATE_BYTES_PER_WINDOW);
		u->window_start_ns = now;
		u->bytes_in_window = 0;
		u->bytes_dropped = 0;
	}
	if (u->bytes_in_window >= RATE_BYTES_PER_WINDOW) {
		u->bytes_dropped++;
		return 0;
	}
	u->bytes_in_window++;
	return 1;
}

static void flush_line(struct vpl011 *u, const struct zone *zone)
{
	u->line[u->line_len] = '\0';
	log_raw("[%s] %s", zone->name, u->line);
	u->line_len = 0;
}

static void transmit(struct vpl011 *u, const struct zone *zone, char c)
{
	if (!take_rate_budget(u, zone))
		return;
	if (c == '\n') {
		flush_line(u, zone);
		return;
	}
	if (c == '\r')
		return;
	u->line[u->line_len++] = (c >= ' ' && c < 0x7f) || c == '\t' ? c : '?';
	if (u->line_len == VPL011_LINE_MAX)
		flush_line(u, zone);
}

static uint32_t *control_register(struct vpl011 *u, uint64_t offset)
{
	switch (offset) {
	case UARTIBRD:
		return &u->ibrd;
	case UARTFBRD:
		return &u->fbrd;
	case UARTLCR_H:
		return &u->lcr_h;
	case UARTCR:
		return &u->cr;
	case UARTIFLS:
		return &u->ifls;
	case UARTIMSC:
		return &u->imsc;
	case UARTDMACR:
		return &u->dmacr;
	default:
		return NULL;
	}
}

static uint32_t read_register(struct vpl011 *u, uint64_t offset)
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

static bool vpl011_access(struct vcpu *vcpu, struct mmio_access *a, void *opaque)
{
	struct zone *zone = opaque;
	struct vpl011 *u = &zone->console;
	uint64_t offset = a->addr & 0xfff;

	(void)vcpu;
	if (a->size > 4 || !IS_ALIGNED(a->addr, a->size))
		return false;
	spin_lock(&u->lock);
	if (!a->is_write) {
		a->value = read_register(u, offset);
	} else if (offset == UARTDR) {
		transmit(u, zone, (char)a->value);
	} else {
		uint32_t *reg = control_register(u, offset);
		if (reg)
			*reg = (uint32_t)a->value;
	}
	spin_unlock(&u->lock);
	return true;
}

int vpl011_attach(struct zone *zone, uint64_t base, uint64_t size)
{
	zone->console = (struct vpl011){ .lock = SPINLOCK_INIT, .cr = 0x300 };
	return mmio_register(zone, base, size, vpl011_access, zone);
}
