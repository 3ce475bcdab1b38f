#include "gic.h"
#include "irq.h"
#include "print.h"
#include "sgi_round_trip.h"
#include "timer_latency.h"

extern const char irq_vectors[];

void irq_vectors_install(void)
{
	__asm__ volatile("msr vbar_el1, %0\n\tisb" : : "r"(irq_vectors) : "memory");
}

void irq_handle(uint64_t entry_ticks)
{
	uint32_t intid = icc_acknowledge();

	switch (intid) {
	case INTID_SPURIOUS:
		return;
	case SGI_PING:
		sgi_answer_ping();
		break;
	case SGI_PONG:
		sgi_pong_arrived(entry_ticks);
		break;
	case PPI_VIRT_TIMER:
		timer_fired(entry_ticks);
		break;
	default:
		print("exitbench: unexpected interrupt %u on CPU %u\n", intid, own_cpu());
		break;
	}
	icc_end_of_interrupt(intid);
}
