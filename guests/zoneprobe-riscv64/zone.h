/* What configs/qemu-virt-riscv64/zone1-probe.json gives this zone, and
 * what stays zone0's or the hypervisor's. */
#ifndef ZONEPROBE_RV_ZONE_H
#define ZONEPROBE_RV_ZONE_H

#define OWN_RAM_START 0xf8000000UL
#define OWN_RAM_END   0xf9000000UL
#define BOOT_HART     2u
#define SECOND_HART   3u
#define OWN_SOURCE    40u   /* the zone's one PLIC source; no device has it */

#define ZONE0_HART0   0u
#define ZONE0_HART1   1u
#define ZONE0_RAM     0x90000000UL
#define ZONE0_UART_SOURCE 10u

#endif
