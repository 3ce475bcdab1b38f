/* Calls into the firmware's SBI (OpenSBI, in M mode). */
#ifndef ASM_SBI_CALL_H
#define ASM_SBI_CALL_H

#include <stdint.h>

#include <asm/sbi.h>

struct sbiret sbi_call(uint64_t eid, uint64_t fid, uint64_t a0, uint64_t a1, uint64_t a2,
		       uint64_t a3, uint64_t a4);

/* What the firmware said at boot about itself and the machine, for the
 * zones' Base extension, which passes on the machine's identity. */
struct sbi_firmware_info {
	uint64_t mvendorid;
	uint64_t marchid;
	uint64_t mimpid;
};

extern struct sbi_firmware_info sbi_firmware;

/* On the boot hart, before any zone runs. */
void sbi_firmware_probe(void);

#endif
