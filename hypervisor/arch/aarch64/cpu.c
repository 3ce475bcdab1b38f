/* Physical CPUs: identity, bring-up through the firmware's PSCI, kicks,
 * time, and the machine's power. */
#include <tessera/hypercall.h>

#include <asm/gicv3.h>
#include <asm/idle.h>
#include <asm/smccc.h>
#include <asm/smccc_arch.h>
#include <asm/sysreg.h>
#include <asm/trap_frame.h>
#include <asm/vcpu_reset.h>

#include "arch.h"
#include "platform.h"

/* Page-aligned, in a section of their own: the guard pages are whole pages,
 * and linker.ld keeps all slots inside the one 2 MiB block mmu.c maps in pages. */
uint8_t cpu_stacks[MAX_CPUS][CPU_STACK_SLOT]
	__attribute__((aligned(4096), section(".bss.cpu_stacks")));
uint8_t cpu_fault_stacks[MAX_CPUS][CPU_FAULT_STACK_SIZE] __attribute__((aligned(16)));

void secondary_entry(void);

int64_t firmware_call(uint64_t fid, uint64_t arg0, uint64_t arg1, uint64_t arg2)
{
	register uint64_t x0 __asm__("x0") = fid;
	register uint64_t x1 __asm__("x1") = arg0;
	register uint64_t x2 __asm__("x2") = arg1;
	register uint64_t x3 __asm__("x3") = arg2;

	__asm__ volatile("smc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
			 :
			 : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14",
			   "x15", "x16", "x17", "memory");
	return (int64_t)x0;
}

unsigned arch_cpu_id(void)
{
	return (unsigned)read_sysreg(tpidr_el2);
}

uint64_t arch_cpu_hw_id(void)
{
	return read_sysreg(mpidr_el1) & MPIDR_AFFINITY_MASK;
}

int arch_cpu_power_on(unsigned cpu)
{
	int64_t ret = firmware_call(PSCI_CPU_ON_64, platform.cpu_hw_ids[cpu] & MPIDR_AFFINITY_MASK,
				    (uintptr_t)secondary_entry, cpu);

	return ret == PSCI_SUCCESS ? 0 : -HV_EIO;
}

void arch_cpu_init(unsigned cpu)
{
	if (cpu == 0) {
		gicv3_distributor_init();
		smccc_arch_probe_firmware();
	}
	gicv3_cpu_init(cpu);
	idle_cpu_init(cpu);
	vcpu_reset_probe_cpu(cpu);
	__asm__ volatile("tlbi alle1" : : : "memory");
	dsb(nsh);
	isb();
}

void arch_cpu_kick(unsigned cpu)
{
	gicv3_send_sgi(cpu, SGI_KICK);
}

void arch_cpu_relax(void)
{
	__asm__ volatile("yield" : : : "memory");
}

void arch_cpu_halt(void)
{
	__asm__ volatile("msr daifset, #0xf");
	for (;;)
		wfi();
}

void arch_machine_power_off(void)
{
	firmware_call(PSCI_SYSTEM_OFF, 0, 0, 0);
	arch_cpu_halt();
}

void arch_machine_reset(void)
{
	firmware_call(PSCI_SYSTEM_RESET, 0, 0, 0);
	arch_cpu_halt();
}

uint64_t arch_time_ns(void)
{
	uint64_t freq = read_sysreg(cntfrq_el0);
	uint64_t ticks;

	isb();
	ticks = read_sysreg(cntpct_el0);
	return ticks / freq * 1000000000ULL + ticks % freq * 1000000000ULL / freq;
}
