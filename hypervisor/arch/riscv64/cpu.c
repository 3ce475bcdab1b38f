/* Physical harts: identity, bring-up through the firmware's SBI HSM, kicks
 * through its IPI extension, and the machine's power through SRST. */
#include <tessera/hypercall.h>

#include <asm/csr.h>
#include <asm/hart_controls.h>
#include <asm/sbi_call.h>
#include <asm/trap_frame.h>
#include <asm/vplic.h>

#include "arch.h"
#include "platform.h"

/* Page-aligned, in a section of their own: the guard pages are whole pages,
 * and linker.ld keeps all slots inside the one 2 MiB block mmu.c maps in pages. */
uint8_t cpu_stacks[MAX_CPUS][CPU_STACK_SLOT]
	__attribute__((aligned(4096), section(".bss.cpu_stacks")));
uint8_t cpu_fault_stacks[MAX_CPUS][CPU_FAULT_STACK_SIZE] __attribute__((aligned(16)));
struct hart_local hart_locals[MAX_CPUS];

#define STRAY_HART_STOP_TIMEOUT_NS 100000000ULL

void secondary_entry(void);

unsigned arch_cpu_id(void)
{
	return (unsigned)this_hart()->cpu;
}

uint64_t arch_cpu_hw_id(void)
{
	return this_hart()->hart_id;
}

/* A hart the firmware sent to the payload's entry by mistake (head.S) is
 * on its way back to the stopped harts: it is started once it is there. */
int arch_cpu_power_on(unsigned cpu)
{
	uint64_t hart = platform.cpu_hw_ids[cpu];
	uint64_t deadline = arch_time_ns() + STRAY_HART_STOP_TIMEOUT_NS;
	struct sbiret ret;

	for (;;) {
		ret = sbi_call(SBI_EXT_HSM, SBI_HSM_HART_START, hart, (uintptr_t)secondary_entry,
			       cpu, 0, 0);
		if (ret.error != SBI_ERR_ALREADY_AVAILABLE || arch_time_ns() > deadline)
			break;
		arch_cpu_relax();
	}
	return ret.error == SBI_SUCCESS ? 0 : -HV_EIO;
}

void arch_cpu_init(unsigned cpu)
{
	if (cpu == 0) {
		sbi_firmware_probe();
		hart_controls_probe();
		plic_init();
	}
	hart_controls_init();
	plic_cpu_init(cpu);
}

void arch_cpu_kick(unsigned cpu)
{
	sbi_call(SBI_EXT_IPI, SBI_IPI_SEND_IPI, 1, platform.cpu_hw_ids[cpu], 0, 0, 0);
}

/* Zihintpause's PAUSE, a FENCE encoding that older cores execute as a no-op. */
void arch_cpu_relax(void)
{
	__asm__ volatile(".4byte 0x0100000f" : : : "memory");
}

void arch_cpu_halt(void)
{
	csr_write(CSR_SIE, 0);
	for (;;)
		__asm__ volatile("wfi");
}

void arch_machine_power_off(void)
{
	sbi_call(SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, SBI_SRST_SHUTDOWN, 0, 0, 0, 0);
	arch_cpu_halt();
}

void arch_machine_reset(void)
{
	sbi_call(SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, SBI_SRST_COLD_REBOOT, 0, 0, 0, 0);
	arch_cpu_halt();
}
