/* The address-space sizes of the G-stage translation, apart from the tables
 * themselves: zone0's tools link the config validator, which needs these
 * limits but no page tables. hgatp's mode (Sv39x4) must match. */
#include "stage2.h"

#define IPA_BITS 41   /* Sv39x4: a 16 KiB root table of 1 GiB entries */
#define PA_BITS  56   /* Sv39's 44-bit physical page numbers */

uint64_t stage2_ipa_limit(void)
{
	return 1ULL << IPA_BITS;
}

uint64_t stage2_pa_limit(void)
{
	return 1ULL << PA_BITS;
}
