/* What a zone's harts handle themselves and what traps to the hypervisor,
 * set once per hart: every zone gets the same.
 *
 * | event                                | control             | goes to                  |
 * |--------------------------------------|---------------------|--------------------------|
 * | misaligned fetch, load, store;       | hedeleg             | the guest (VS mode), as  |
 * | illegal instruction; breakpoint;     |                     | on a machine without H   |
 * | ecall from U; VS-stage page faults   |                     |                          |
 * | access faults (PMP: firmware memory) | not delegated       | hypervisor: logged, the  |
 * |                                      |                     | fault injected           |
 * | ecall from VS (SBI, hypercalls)      | not delegatable     | hypervisor (sbi.c)       |
 * | guest page faults (G-stage)          | not delegatable     | hypervisor: MMIO or an   |
 * |                                      |                     | access fault injected    |
 * | virtual instruction (H CSRs, HFENCE, | not delegatable     | hypervisor: illegal      |
 * | counters hcounteren withholds)       |                     | instruction injected     |
 * | VS software, timer, external         | hideleg             | the guest; raised by     |
 * | interrupts                           |                     | hvip (IPIs, the vPLIC)   |
 * |                                      |                     | and Sstc's vstimecmp     |
 * | S software, external interrupts      | sie                 | hypervisor: kicks, PLIC  |
 * | cycle, time, instret counters        | hcounteren          | the guest, read directly |
 * | hpmcounters                          | hcounteren          | virtual instruction      |
 * | stimecmp (Sstc)                      | henvcfg.STCE        | the guest: vstimecmp     |
 * | WFI                                  | hstatus.VTW clear   | the guest: its hart      |
 * |                                      |                     | waits, and the           |
 * |                                      |                     | hypervisor's interrupts  |
 * |                                      |                     | still wake it            |
 */
#include <asm/csr.h>
#include <asm/hart_controls.h>

#include "log.h"

#define HEDELEG_GUEST (1UL << EXC_INSN_MISALIGNED | 1UL << EXC_ILLEGAL_INSN | \
		       1UL << EXC_BREAKPOINT | 1UL << EXC_LOAD_MISALIGNED | \
		       1UL << EXC_STORE_MISALIGNED | 1UL << EXC_ECALL_U | \
		       1UL << EXC_INSN_PAGE_FAULT | 1UL << EXC_LOAD_PAGE_FAULT | \
		       1UL << EXC_STORE_PAGE_FAULT)
#define HIDELEG_GUEST (1UL << IRQ_VS_SOFT | 1UL << IRQ_VS_TIMER | 1UL << IRQ_VS_EXT)
#define HCOUNTEREN_GUEST 0x7UL      /* CY, TM, IR */
#define SIE_HYPERVISOR (1UL << IRQ_S_SOFT | 1UL << IRQ_S_EXT)

static bool has_sstc;

/* henvcfg.STCE is writable only if the firmware enabled Sstc for S mode
 * (menvcfg.STCE). */
void hart_controls_probe(void)
{
	csr_set(CSR_HENVCFG, HENVCFG_STCE);
	has_sstc = csr_read(CSR_HENVCFG) & HENVCFG_STCE;
	if (!has_sstc)
		log_error("the harts lack Sstc (or the firmware withholds it): zones get no timer");
}

bool hart_has_sstc(void)
{
	return has_sstc;
}

void hart_controls_init(void)
{
	csr_write(CSR_HEDELEG, HEDELEG_GUEST);
	csr_write(CSR_HIDELEG, HIDELEG_GUEST);
	csr_write(CSR_HCOUNTEREN, HCOUNTEREN_GUEST);
	csr_write(CSR_HENVCFG, has_sstc ? HENVCFG_STCE : 0);
	csr_write(CSR_HVIP, 0);
	csr_write(CSR_HGATP, 0);
	if (has_sstc)
		csr_write(CSR_VSTIMECMP, ~0UL);
	__asm__ volatile("hfence.gvma zero, zero" : : : "memory");
	csr_write(CSR_SIE, SIE_HYPERVISOR);
}
