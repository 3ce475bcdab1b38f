/* G-stage TLB maintenance for stage2_table.c: HFENCE.GVMA by VMID on this
 * hart, and through the firmware's RFENCE extension on the others (an
 * HFENCE reaches only its own hart). The firmware returns once every
 * target has fenced. */
#include <asm/csr.h>
#include <asm/sbi_call.h>

#include "arch.h"
#include "stage2.h"
#include "vcpu.h"

#define WHOLE_ADDRESS_SPACE (~0UL)

/* The fence makes this hart's table stores visible to every walker before
 * the invalidations are asked for; HFENCE.GVMA orders them for this hart's
 * own walker. */
void stage2_tlb_flush(const struct stage2_table *table)
{
	unsigned self = arch_cpu_id();

	__asm__ volatile("fence rw, rw" : : : "memory");
	__asm__ volatile("hfence.gvma zero, %0" : : "r"((uint64_t)table->vmid) : "memory");
	for (unsigned cpu = 0; cpu < platform.num_cpus; cpu++)
		if (cpu != self && __atomic_load_n(&percpus[cpu].online, __ATOMIC_ACQUIRE))
			sbi_call(SBI_EXT_RFENCE, SBI_RFENCE_HFENCE_GVMA_VMID, 1,
				 platform.cpu_hw_ids[cpu], 0, WHOLE_ADDRESS_SPACE, table->vmid);
}
