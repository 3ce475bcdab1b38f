/* The instruction a guest trapped on (guest_insn.c). */
#ifndef ASM_GUEST_INSN_H
#define ASM_GUEST_INSN_H

#include <stdbool.h>
#include <stdint.h>

#include <asm/trap_frame.h>

/* For a guest page fault on a load or store: htinst's transformation of the
 * instruction if the hart gives one, or the instruction read at sepc. False
 * if there is none to emulate: a fault of the guest's own page-table walk
 * (htinst's pseudoinstructions) or an instruction that cannot be read. */
bool guest_trapped_insn(const struct trap_frame *f, uint64_t htinst, uint32_t *insn);

/* guest_insn.S: for hyp_fault.c's fixup. */
int64_t guest_insn_read16(uint64_t gva);
extern const char guest_insn_read16_access[];
extern const char guest_insn_read16_fixup[];

#endif
