/* Decoding of a data abort's syndrome into an emulatable access. */
#ifndef ASM_DABT_H
#define ASM_DABT_H

#include <stdbool.h>
#include <stdint.h>

struct dabt_syndrome {
	unsigned size;          /* bytes */
	bool is_write;
	unsigned reg;           /* transfer register; 31 is the zero register */
	bool sign_extend;
	bool sixty_four;        /* destination is an X register */
};

/* False when the syndrome does not describe a single-register load or store
 * (ISV clear: pairs, writeback, SIMD), which cannot be emulated. */
bool dabt_decode(uint64_t esr, struct dabt_syndrome *out);
/* The register value a load of `raw` produces, with sign extension. */
uint64_t dabt_load_value(const struct dabt_syndrome *s, uint64_t raw);

#endif
