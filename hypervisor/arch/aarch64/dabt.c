#include <asm/dabt.h>
#include <asm/esr.h>

bool dabt_decode(uint64_t esr, struct dabt_syndrome *out)
{
	if (!(esr & DABT_ISV) || (esr & DABT_S1PTW))
		return false;
	out->size = 1u << ((esr >> DABT_SAS_SHIFT) & 3);
	out->is_write = esr & DABT_WNR;
	out->reg = (esr >> DABT_SRT_SHIFT) & 31;
	out->sign_extend = esr & DABT_SSE;
	out->sixty_four = esr & DABT_SF;
	return true;
}

uint64_t dabt_load_value(const struct dabt_syndrome *s, uint64_t raw)
{
	unsigned bits = s->size * 8;
	uint64_t value = bits == 64 ? raw : raw & ((1ULL << bits) - 1);

	if (s->sign_extend && bits < 64 && (value >> (bits - 1)) & 1)
		value |= ~0ULL << bits;
	if (!s->sixty_four)
		value &= 0xffffffffULL;
	return value;
}
