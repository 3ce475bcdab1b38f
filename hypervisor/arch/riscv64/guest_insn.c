/* htinst (privileged specification 1.12, 8.6.3): 0 when the hart does not
 * say; bit 0 set for a transformed instruction (bit 1 clear if the original
 * was compressed, as mmio_insn_decode understands); bit 0 clear and
 * non-zero for a pseudoinstruction, an implicit access of the VS-stage
 * page-table walk. QEMU 7.2 leaves it 0: the instruction is then read from
 * guest memory, its two halves apart since a 32-bit instruction may cross
 * a page boundary. */
#include <asm/guest_insn.h>

#define INSN_IS_32BIT(low) (((low) & 3) == 3)

bool guest_trapped_insn(const struct trap_frame *f, uint64_t htinst, uint32_t *insn)
{
	int64_t low, high;

	if (htinst & 1) {
		*insn = (uint32_t)htinst;
		return true;
	}
	if (htinst)
		return false;
	low = guest_insn_read16(f->sepc);
	if (low < 0)
		return false;
	if (!INSN_IS_32BIT(low)) {
		*insn = (uint32_t)low;
		return true;
	}
	high = guest_insn_read16(f->sepc + 2);
	if (high < 0)
		return false;
	*insn = (uint32_t)low | (uint32_t)high << 16;
	return true;
}
