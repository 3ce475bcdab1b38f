/* Only the zone's own RAM is memory: every other address, zone0's RAM and
 * devices, the hypervisor and the firmware, must end in an access fault. */
#include "fault_check.h"
#include "memory_check.h"
#include "zone.h"

#define FIRMWARE_ADDR    0x80000000UL /* OpenSBI */
#define HYPERVISOR_ADDR  0x80200000UL /* the hypervisor's image */
#define CLINT_MTIME      0x0200bff8UL /* never given to a zone */
#define SIFIVE_TEST_ADDR 0x00100000UL /* power-off: the hypervisor's alone */
#define ZONE0_UART_ADDR  0x10000000UL
#define POISON           0x50524f42u  /* "PROB": a write that leaked is recognisable */

void check_memory_isolation(void)
{
	check_read_faults("read of zone0 RAM 0x90000000 faults", ZONE0_RAM);
	check_write_faults("write of zone0 RAM 0x90000000 faults", ZONE0_RAM, POISON);
	check_read_faults("read of 0xf7fff000 below own RAM faults", OWN_RAM_START - 0x1000);
	check_read_faults("read of 0xf9000000 past own RAM faults", OWN_RAM_END);
	check_read_faults("read of hypervisor image 0x80200000 faults", HYPERVISOR_ADDR);
	check_write_faults("write of hypervisor image 0x80200000 faults", HYPERVISOR_ADDR, POISON);
	check_read_faults("read of firmware 0x80000000 faults", FIRMWARE_ADDR);
	check_read_faults("read of CLINT mtime faults", CLINT_MTIME);
	check_read_faults("read of sifive_test 0x100000 faults", SIFIVE_TEST_ADDR);
	check_read_faults("read of zone0's UART 0x10000000 faults", ZONE0_UART_ADDR);
}
