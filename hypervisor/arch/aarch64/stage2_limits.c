/* The address-space sizes of the stage-2 translation regime, apart from the
 * tables themselves: zone0's tools link the config validator, which needs
 * these limits but no page tables. VTCR_EL2 in vcpu.c must program the same
 * sizes (T0SZ = 64 - IPA_BITS, PS for PA_BITS). */
#include "stage2.h"

#define IPA_BITS 39   /* one 512-entry level-1 root table of 1 GiB entries */
#define PA_BITS  40   /* VTCR_EL2.PS = 0b010 */

uint64_t stage2_ipa_limit(void)
{
	return 1ULL << IPA_BITS;
}

uint64_t stage2_pa_limit(void)
{
	return 1ULL << PA_BITS;
}
