/* Decoding of a trapped guest instruction into an emulatable MMIO access. */
#ifndef ASM_INSN_DECODE_H
#define ASM_INSN_DECODE_H

#include <stdbool.h>
#include <stdint.h>

struct mmio_insn {
	unsigned len;      /* 2 (compressed) or 4 bytes: how far to advance sepc */
	unsigned size;     /* access width: 1, 2, 4 or 8 */
	bool is_store;
	bool sign_extend;  /* a load that sign-extends (lb, lh, lw) */
	unsigned reg;      /* x0..x31: the store's source or the load's destination */
};

/* False for anything but an integer load or store the hypervisor emulates.
 * `insn` is a 32-bit instruction (bits 1:0 = 11), a compressed one in its
 * low half (bits 1:0 = 00 or 10; the upper half is ignored), or htinst's
 * transformation of a compressed one (bits 1:0 = 01: the 32-bit equivalent
 * with bit 1 cleared, its address fields zeroed). */
bool mmio_insn_decode(uint32_t insn, struct mmio_insn *out);
/* The value a load of `raw` (the access's bytes, in its low bits) leaves in
 * the destination register: RV64 loads fill all 64 bits. */
uint64_t mmio_insn_load_value(const struct mmio_insn *insn, uint64_t raw);

#endif
