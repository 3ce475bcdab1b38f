/* The hypervisor's console on the PL011 UART, polled, transmit only. QEMU
 * resets the UART enabled at 115200 8N1, so it needs no programming here.
 * zone0 drives the same UART; hypervisor lines are written whole (log.c). */
#include "console.h"

#include <stdint.h>

#define PL011_BASE 0x09000000UL
#define UARTDR     0x00
#define UARTFR     0x18
#define UARTFR_TXFF (1u << 5)

static inline uint32_t read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

static void put_char(char c)
{
	while (read32(PL011_BASE + UARTFR) & UARTFR_TXFF)
		;
	*(volatile uint32_t *)(PL011_BASE + UARTDR) = (uint32_t)(unsigned char)c;
}

void console_write(const char *text, unsigned long len)
{
	for (unsigned long i = 0; i < len; i++) {
		if (text[i] == '\n')
			put_char('\r');
		put_char(text[i]);
	}
}
