/* What the architecture provides to the core: the whole interface. The core
 * includes no other architecture header. */
#ifndef ARCH_H
#define ARCH_H

#include <stdint.h>
#include <stdnoreturn.h>

struct vcpu;
struct zone;

/* This CPU's index (0 .. platform.num_cpus - 1). */
unsigned arch_cpu_id(void);
/* This CPU's hardware identifier (MPIDR, hart id), as platform.cpu_hw_ids
 * and a device tree's CPU nodes give them. */
uint64_t arch_cpu_hw_id(void);
/* Powers on a secondary CPU at the hypervisor's secondary entry. */
int arch_cpu_power_on(unsigned cpu);
/* Per-CPU hardware set-up, once on every CPU, the boot CPU first. */
void arch_cpu_init(unsigned cpu);
/* Sleeps in a low-power state until an interrupt or arch_cpu_kick() arrives. */
void arch_cpu_idle(void);
void arch_cpu_kick(unsigned cpu);
/* A hint that this CPU is spinning on memory another CPU will write. */
void arch_cpu_relax(void);
noreturn void arch_cpu_halt(void);
noreturn void arch_machine_power_off(void);
noreturn void arch_machine_reset(void);

/* Monotonic time since boot. */
uint64_t arch_time_ns(void);

/* Architecture state of a zone being created (virtual interrupt controller,
 * emulated devices); 0 or -errno. Touches nothing outside the zone, so a
 * start that fails later leaves no trace. */
int arch_zone_init(struct zone *zone);
/* The zone's interrupts at their reset state: its shared interrupts (GIC
 * SPIs, PLIC sources) quiesced in the interrupt controller, its virtual
 * interrupt controller reset. When a start can no
 * longer fail, and when the zone stops. */
void arch_zone_reset(struct zone *zone);
/* Makes the shared interrupt `intid` pending, as if its device had
 * signalled it: it reaches the zone that owns it. */
void arch_interrupt_raise(uint32_t intid);
/* Resets the vCPU's architectural state and runs it; returns only through traps. */
noreturn void arch_vcpu_run(struct vcpu *vcpu);
/* On the vCPU's own CPU, when it powers off or its zone stops: silences its
 * timers and interrupts so that the idle CPU stays idle. */
void arch_vcpu_stop(struct vcpu *vcpu);

/* Zeroes physical memory and makes the zeros visible to a guest that runs
 * with its caches off. */
void arch_clear_memory(uint64_t pa, uint64_t size);
/* Makes what the hypervisor wrote there visible to such a guest. */
void arch_clean_memory(uint64_t pa, uint64_t size);

#endif
